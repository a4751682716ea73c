#include "core/ProcessHardening.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace herald {

bool hardenProcessAgainstCrashDumps()
{
    bool ok = true;
#ifdef Q_OS_UNIX
    // A core file is a copy of the whole address space: every secret and
    // token Herald holds would be in it, readable by whoever reads the file.
    const struct rlimit none
    {
        0, 0
    };
    ok = ::setrlimit(RLIMIT_CORE, &none) == 0 && ok;
#endif
#ifdef Q_OS_LINUX
    // RLIMIT_CORE does not stop a core_pattern pipe (systemd-coredump,
    // apport); a process that is not dumpable is never dumped. It also closes
    // /proc/<pid>/mem, /proc/<pid>/environ and ptrace to other processes of
    // the same user. Debugging: start Herald under gdb (an existing tracer
    // stays), or run it as root.
    ok = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

} // namespace herald
