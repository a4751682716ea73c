#!/usr/bin/env bash
# Herald set-up for Debian 12 (bookworm), from a clone of the repository.
#
#   installer/setup.sh demo   install build dependencies, build into build/, run the demo
#   installer/setup.sh test   also install test dependencies, build with -Werror, run every test,
#                             then build, install, check and purge the Debian package
#                             (installer/check-package.sh)
#
# Needs root or sudo for apt-get; skips apt-get entirely when every package is
# already installed, and reuses an existing build/ (incremental build), so
# running it again is quick. Does not need git.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${HERALD_BUILD_DIR:-$ROOT/build}

# What building and running Herald needs. qt6-websockets-dev is required by
# qt6-httpserver-dev's CMake package on Debian 12; libqt6svg6 draws the SVG icons
# (and renders the PNG icons at build time); help2man writes the man pages.
BUILD_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-networkauth-dev qtkeychain-qt6-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
    libqt6sql6-sqlite libqt6svg6 libssl-dev libgl-dev help2man
)
# What the test suite needs on top: a virtual X server for the GUI tests, a
# D-Bus session and a Secret Service (gnome-keyring) for the keychain tests.
# Not the `dbus` package: that is the system bus, which the tests do not use.
# openssl (the command) makes the throw-away TLS certificates of the Graph tests.
TEST_PACKAGES=(
    xvfb xauth dbus-daemon dbus-x11 gnome-keyring libsecret-tools openssl
)
# The package check (installer/check-package.sh): dpkg-shlibdeps (dpkg-dev)
# computes the package's Depends; the validators of the .desktop file and the
# AppStream metadata. qt6-qpa-plugins is one of the package's Depends, here so
# that installing the package needs no download.
# file: CPack's dpkg-shlibdeps step (CPACK_DEBIAN_PACKAGE_SHLIBDEPS) needs
# it, and a minimal Debian does not have it.
PACKAGE_CHECK_PACKAGES=(
    dpkg-dev file desktop-file-utils appstream qt6-qpa-plugins
)

# Seconds since the first setup.sh of this run (the test session is a child).
export HERALD_SETUP_START=${HERALD_SETUP_START:-$(date +%s)}
log() { printf '==> [%ss] %s\n' "$(($(date +%s) - HERALD_SETUP_START))" "$*" >&2; }
die() {
    printf 'setup.sh: %s\n' "$*" >&2
    exit 2
}

usage() {
    cat >&2 <<'EOF'
Usage: installer/setup.sh demo|test

  demo  install the build dependencies, build Herald into build/ and start the
        demo: the window (herald --demo) when a display is available, else the
        command-line demo (herald-cli --demo).
  test  install the build and test dependencies, build with warnings as errors
        and run the whole test suite (CTest) under Xvfb with a D-Bus session and
        an unlocked throw-away keyring; when it passes, build the Debian package,
        install it, check the installed programs and purge it
        (installer/check-package.sh). Exits non-zero when either fails.

Environment: HERALD_BUILD_DIR overrides the build directory (default: build/).
EOF
    exit 2
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "installing packages needs root: run as root or install sudo"
    fi
}

missing_packages() {
    local package
    for package in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]; then
            printf '%s\n' "$package"
        fi
    done
}

install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        die "this script supports Debian 12; install these packages by hand: $*"
    fi
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if [ "${#missing[@]}" -eq 0 ]; then
        log "All ${#} packages are installed"
        return
    fi
    log "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# The delegated sign-in redirects to http://localhost (what Entra registers),
# and the tests connect to it. RFC 6761 says localhost is always the loopback
# address, but a bare debootstrap or some containers have no /etc/hosts, and
# then nothing resolves it: add the IPv4 line Debian's own /etc/hosts starts
# with (the loopback servers here listen on 127.0.0.1), and say so.
ensure_localhost() {
    if getent hosts localhost >/dev/null 2>&1; then
        return
    fi
    log "localhost does not resolve on this machine: adding it to /etc/hosts"
    printf '127.0.0.1\tlocalhost\n' |
        as_root tee -a /etc/hosts >/dev/null
    getent hosts localhost >/dev/null 2>&1 || die "localhost still does not resolve; check /etc/nsswitch.conf"
}

cache_value() { # cache_value NAME -> value from build/CMakeCache.txt, or nothing
    sed -n "s/^$1:[A-Z]*=//p" "$BUILD_DIR/CMakeCache.txt" 2>/dev/null
}

# configure_and_build WERROR(ON|OFF|any)
# Configures only when needed (no build dir yet, or -Werror asked for and not
# set); otherwise the build tool re-runs CMake by itself when a CMakeLists changes.
configure_and_build() {
    local werror=$1
    if [ -f "$BUILD_DIR/CMakeCache.txt" ]; then
        local source
        source=$(cache_value CMAKE_HOME_DIRECTORY)
        [ "$source" = "$ROOT" ] ||
            die "$BUILD_DIR was configured for $source; remove it or set HERALD_BUILD_DIR"
        if [ "$werror" != any ] && [ "$(cache_value HERALD_WERROR)" != "$werror" ]; then
            log "Reconfiguring $BUILD_DIR with HERALD_WERROR=$werror"
            cmake -S "$ROOT" -B "$BUILD_DIR" -DHERALD_WERROR="$werror"
        elif [ "$(cache_value HERALD_HELP2MAN)" = HERALD_HELP2MAN-NOTFOUND ] && command -v help2man >/dev/null; then
            # Configured before help2man was installed: look again, or the
            # package would have no man pages.
            log "Reconfiguring $BUILD_DIR: help2man is installed now"
            cmake -S "$ROOT" -B "$BUILD_DIR"
        fi
    else
        log "Configuring $BUILD_DIR"
        local options=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
        if [ "$werror" = ON ]; then
            options+=(-DHERALD_WERROR=ON)
        fi
        cmake -S "$ROOT" -B "$BUILD_DIR" "${options[@]}"
    fi
    log "Building"
    cmake --build "$BUILD_DIR" -j"$(nproc)"
}

# Runs inside `dbus-run-session`: a Secret Service on that session bus, then
# CTest under Xvfb. Everything started here is stopped here.
test_session() {
    local session_dir keyring_home keyring_pid status=0
    session_dir=$(mktemp -d)
    keyring_home=$session_dir/keyring
    mkdir -m 700 "$keyring_home"
    # A private runtime dir for the keyring socket and Qt, when none is set.
    if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
        mkdir -m 700 "$session_dir/runtime"
        export XDG_RUNTIME_DIR=$session_dir/runtime
    fi
    # A throw-away keyring: its own data dir, unlocked with a throw-away
    # password given on stdin (never on a command line).
    printf '%s' "herald-test-keyring" |
        XDG_DATA_HOME=$keyring_home gnome-keyring-daemon --foreground --unlock --components=secrets \
            >"$keyring_home/daemon.out" 2>"$keyring_home/daemon.err" &
    keyring_pid=$!
    # shellcheck disable=SC2064 # expand now: these are this function's values
    trap "kill $keyring_pid 2>/dev/null; wait $keyring_pid 2>/dev/null; rm -rf '$session_dir'" EXIT

    local tries
    for tries in $(seq 50); do
        if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
            break
        fi
        sleep 0.2
    done
    # Export what the daemon prints (GNOME_KEYRING_CONTROL=..., if anything).
    local line
    while IFS= read -r line; do
        case $line in [A-Z_]*=*) export "${line?}" ;; esac
    done <"$keyring_home/daemon.out"
    if printf 'ok' | timeout 10 secret-tool store --label='Herald set-up check' herald-setup check 2>/dev/null &&
        [ "$(timeout 10 secret-tool lookup herald-setup check 2>/dev/null)" = ok ]; then
        timeout 10 secret-tool clear herald-setup check 2>/dev/null || true
        log "Secret Service ready (gnome-keyring, after $tries tries)"
    else
        log "Warning: the Secret Service does not work; keychain tests will fail"
        sed 's/^/    /' "$keyring_home/daemon.err" >&2 || true
    fi

    # The keychain suites skip when no Secret Service answers; here one was
    # started, so a missing keychain is a failure, not a skip.
    export HERALD_REQUIRE_KEYCHAIN=1
    log "Running the tests"
    xvfb-run -a -s '-screen 0 1280x800x24' \
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 300 || status=$?
    return "$status"
}

mode=${1:-}
case $mode in
demo)
    install_packages "${BUILD_PACKAGES[@]}"
    configure_and_build any
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        log "Starting herald --demo"
        exec "$BUILD_DIR/bin/herald" --demo
    fi
    log "No display: starting the command-line demo (herald-cli --demo)"
    exec "$BUILD_DIR/bin/herald-cli" --demo
    ;;
test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${PACKAGE_CHECK_PACKAGES[@]}"
    ensure_localhost
    configure_and_build ON
    dbus-run-session -- "$ROOT/installer/setup.sh" __test-session
    # Outside the test session on purpose: the installed programs must run
    # without the test's D-Bus session and keyring.
    exec "$ROOT/installer/check-package.sh" "$BUILD_DIR"
    ;;
__test-session)
    test_session
    ;;
*)
    usage
    ;;
esac
