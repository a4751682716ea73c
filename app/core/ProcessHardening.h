#pragma once

// Keeps the secrets a Herald process holds in memory (client and bot
// secrets, refresh tokens, access tokens) out of crash output.

namespace herald {

// Call first thing in main(). On Linux: no core file (RLIMIT_CORE 0, soft and
// hard) and not dumpable (PR_SET_DUMPABLE 0), which also covers core_pattern
// pipes such as systemd-coredump or apport that ignore RLIMIT_CORE, and keeps
// other processes of the same user from reading /proc/<pid>/mem and
// /proc/<pid>/environ or attaching a debugger. Elsewhere on Unix: RLIMIT_CORE
// only. Returns false when a step failed (the process still runs).
bool hardenProcessAgainstCrashDumps();

} // namespace herald
