#!/usr/bin/env bash
# installer/check-package.sh BUILD_DIR
#
# Builds the Debian package from BUILD_DIR (cpack -G DEB), installs it on this
# machine with apt-get and checks the installed programs from /usr/bin as an
# admin would use them, then purges it and checks that nothing of it is left.
# Run by `installer/setup.sh test` after the test suite; exits non-zero on the
# first failed check, saying which.
#
#   - package metadata: name, version (= the programs' --version), Depends
#     computed by dpkg-shlibdeps plus the Qt plugins, no maintainer scripts,
#     files under /usr only;
#   - an upgrade over an older package keeps the user's profiles and data;
#   - every library of every program resolves (ldd);
#   - herald-cli --version; herald-sim + herald-cli status/install/status;
#     herald --version and a real start of the window (Xvfb);
#   - the .desktop file (desktop-file-validate), the AppStream metadata
#     (appstreamcli validate --no-net), icons, man pages, bash completion;
#   - apt-get purge removes every file of the package and nothing of the user's.
#
# Needs root (or sudo) for apt-get. Packages: dpkg-dev, xvfb, xauth,
# desktop-file-utils, appstream (installer/setup.sh installs them).
# shellcheck disable=SC2015 # "[ A ] && [ B ] || fail ...": fail exits
set -euo pipefail

BUILD_DIR=${1:?usage: installer/check-package.sh BUILD_DIR}
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)

export HERALD_SETUP_START=${HERALD_SETUP_START:-$(date +%s)}
log() { printf '==> [%ss] package: %s\n' "$(($(date +%s) - HERALD_SETUP_START))" "$*" >&2; }
fail() {
    printf 'check-package.sh: FAILED: %s\n' "$*" >&2
    exit 1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "installing the package needs root: run as root or install sudo"
    fi
}
apt_get() {
    # Waits for another apt/dpkg run instead of failing on its lock.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"
}
package_installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' herald 2>/dev/null)" = installed ]; }

for tool in cpack dpkg-deb dpkg-shlibdeps apt-get xvfb-run desktop-file-validate appstreamcli flock; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (installer/setup.sh test installs it)"
done

# One package check at a time on this machine: it installs into /usr.
exec 9>"${TMPDIR:-/tmp}/herald-check-package.lock"
flock -w 1800 9 || fail "another check-package.sh has held its lock for 30 minutes"

WORK=$(mktemp -d)
SIM_PID=
INSTALLED_BY_US=
cleanup() {
    local status=$?
    if [ -n "$SIM_PID" ]; then
        kill "$SIM_PID" 2>/dev/null || true
        wait "$SIM_PID" 2>/dev/null || true
    fi
    if [ -n "$INSTALLED_BY_US" ] && package_installed; then
        log "Removing the package after a failed check"
        apt_get purge -y herald >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT

# --- Build -----------------------------------------------------------------
log "Building the package (cpack -G DEB)"
rm -f "$BUILD_DIR"/herald_*.deb
(cd "$BUILD_DIR" && cpack -G DEB >"$WORK/cpack.log" 2>&1) || {
    sed 's/^/    /' "$WORK/cpack.log" >&2
    fail "cpack -G DEB did not build the package"
}
shopt -s nullglob
debs=("$BUILD_DIR"/herald_*.deb)
shopt -u nullglob
[ "${#debs[@]}" -eq 1 ] || fail "expected one herald_*.deb in $BUILD_DIR, found ${#debs[@]}"
DEB=${debs[0]}
log "Built $(basename "$DEB") ($(($(stat -c %s "$DEB") / 1024)) KiB)"

# --- Metadata --------------------------------------------------------------
field() { dpkg-deb -f "$DEB" "$1"; }
[ "$(field Package)" = herald ] || fail "package name is '$(field Package)', not herald"
VERSION=$(field Version)
# The programs say the project version; the package may add ~gitN.gHASH / +gitN.gHASH.
UPSTREAM=${VERSION%%[~+]*}
DEPENDS=$(field Depends)
log "Version $VERSION; Depends: $DEPENDS; Recommends: $(field Recommends)"
has_dep() { printf '%s\n' "$DEPENDS" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
# From dpkg-shlibdeps (linked) and from the explicit list (plugins).
for dep in libc6 libstdc++6 libqt6core6 libqt6network6 libqt6sql6 libqt6httpserver6 libqt6widgets6 \
    libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins; do
    has_dep "$dep" || fail "Depends lacks $dep: $DEPENDS"
done
field Recommends | grep -qw gnome-keyring || fail "Recommends lacks gnome-keyring"

dpkg-deb --ctrl-tarfile "$DEB" | tar -t | sed 's|^\./||; /^$/d' | sort >"$WORK/control-files"
scripts=$(grep -vxE 'control|md5sums' "$WORK/control-files" || true)
[ -z "$scripts" ] || fail "the package has maintainer scripts ($scripts): make sure none of them touches a user's home, then allow them here"

dpkg-deb --fsys-tarfile "$DEB" | tar -t | sed 's|^\./|/|; s|/$||; /^$/d' | sort >"$WORK/deb-paths"
outside=$(grep -vE '^/usr(/|$)' "$WORK/deb-paths" || true)
[ -z "$outside" ] || fail "the package installs outside /usr: $outside"
icon_sizes="16 22 24 32 48 64 128 256 512"
expected=(/usr/bin/herald /usr/bin/herald-cli /usr/bin/herald-sim
    /usr/share/applications/herald.desktop
    /usr/share/metainfo/io.github.herald_teams.herald.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/herald.svg
    /usr/share/man/man1/herald-cli.1.gz /usr/share/man/man1/herald-sim.1.gz /usr/share/man/man1/herald.1.gz
    /usr/share/bash-completion/completions/herald-cli)
for size in $icon_sizes; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/herald.png")
done
for path in "${expected[@]}"; do
    grep -qx "$path" "$WORK/deb-paths" || fail "the package lacks $path"
done

# --- Install an "older" version, then upgrade over it ------------------------
# The same files relabelled 0~older: what is checked is dpkg's upgrade path
# (files replaced, no scripts) against data in a user's home.
log "Installing an older version first (0~older)"
dpkg-deb -R "$DEB" "$WORK/older"
sed -i 's/^Version: .*/Version: 0~older/' "$WORK/older/DEBIAN/control"
dpkg-deb --root-owner-group -b "$WORK/older" "$WORK/herald_0~older_all.deb" >/dev/null
rm -rf "$WORK/older"
INSTALLED_BY_US=1
apt_get install -y --allow-downgrades "$WORK/herald_0~older_all.deb" >"$WORK/apt.log" 2>&1 || {
    sed 's/^/    /' "$WORK/apt.log" >&2
    fail "apt-get could not install the older package"
}

# A user's home with profiles, GUI settings and a campaign database, as the
# programs keep them (QStandardPaths on Linux).
USER_HOME=$WORK/home
mkdir -p "$USER_HOME/.config/herald" "$USER_HOME/.config/Herald" "$USER_HOME/.local/share/herald"
printf '[profile.contoso]\ntenant=contoso.onmicrosoft.com\n' >"$USER_HOME/.config/herald/profiles.conf"
printf '[General]\nlastPage=2\n' >"$USER_HOME/.config/Herald/Herald.conf"
head -c 4096 /dev/urandom >"$USER_HOME/.local/share/herald/campaigns.sqlite"
user_data_sums() { (cd "$USER_HOME" && find .config .local -type f -print0 | sort -z | xargs -0 sha256sum); }
user_data_sums >"$WORK/user-data.before"

log "Upgrading to $(basename "$DEB") with apt-get install"
apt_get install -y "$DEB" >"$WORK/apt.log" 2>&1 || {
    sed 's/^/    /' "$WORK/apt.log" >&2
    fail "apt-get install $(basename "$DEB") failed"
}
package_installed || fail "herald is not installed after apt-get install"
[ "$(dpkg-query -W -f='${Version}' herald)" = "$VERSION" ] || fail "the upgrade did not install $VERSION"
user_data_sums | cmp -s - "$WORK/user-data.before" || fail "the upgrade changed the user's profiles or data"

dpkg -L herald | sort >"$WORK/installed-paths"
while IFS= read -r path; do
    [ -e "$path" ] || fail "dpkg -L lists $path but it is not there"
done <"$WORK/installed-paths"
log "Installed $(wc -l <"$WORK/installed-paths") paths"

# --- Every library resolves ----------------------------------------------------
for program in herald herald-cli herald-sim; do
    [ -x "/usr/bin/$program" ] || fail "/usr/bin/$program is not an executable"
    missing=$(ldd "/usr/bin/$program" | grep 'not found' || true)
    [ -z "$missing" ] || fail "/usr/bin/$program: libraries not found: $missing"
done

# The programs run with a clean home: whatever they write goes there, not
# into the real one (and not into the package).
run_env=(env -i PATH=/usr/bin:/bin HOME="$USER_HOME" LANG=C.UTF-8
    XDG_CONFIG_HOME="$USER_HOME/.config" XDG_DATA_HOME="$USER_HOME/.local/share"
    XDG_RUNTIME_DIR="$WORK/runtime")
mkdir -m 700 "$WORK/runtime"

# --- Versions ---------------------------------------------------------------
cli_version=$("${run_env[@]}" /usr/bin/herald-cli --version)
[ "$cli_version" = "herald-cli $UPSTREAM" ] ||
    fail "/usr/bin/herald-cli --version says '$cli_version', the package is $VERSION"
gui_version=$("${run_env[@]}" xvfb-run -a /usr/bin/herald --version)
[ "$gui_version" = "Herald $UPSTREAM" ] ||
    fail "/usr/bin/herald --version says '$gui_version', the package is $VERSION"
log "$cli_version; $gui_version"

# --- Smoke scenario: herald-sim + herald-cli from /usr/bin -------------------------
# The secret goes through the environment only (never argv).
SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
USERS=24
"${run_env[@]}" HERALD_SIM_CLIENT_SECRET="$SECRET" /usr/bin/herald-sim --users "$USERS" --seed 5 \
    --installed 0.3 --unlicensed 0 --policy-blocked 0 --time-scale 20 \
    >"$WORK/sim.out" 2>"$WORK/sim.err" &
SIM_PID=$!
ready=
for _ in $(seq 100); do
    ready=$(grep -m1 '"ready":true' "$WORK/sim.out" || true)
    [ -n "$ready" ] && break
    kill -0 "$SIM_PID" 2>/dev/null || break
    sleep 0.1
done
[ -n "$ready" ] || {
    sed 's/^/    /' "$WORK/sim.err" >&2
    fail "/usr/bin/herald-sim did not print its ready line"
}
json_field() { printf '%s\n' "$ready" | sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
BASE=$(json_field baseUrl)
APP=$(json_field appId)
connection=(--tenant "$(json_field tenantId)" --client-id "$(json_field clientId)"
    --graph-url "$BASE" --login-url "$BASE")
[ -n "$BASE" ] && [ -n "$APP" ] || fail "cannot read baseUrl/appId from herald-sim's ready line: $ready"
cli() { "${run_env[@]}" HERALD_CLIENT_SECRET="$SECRET" /usr/bin/herald-cli --quiet --format json "${connection[@]}" "$@"; }
count_state() { grep -c "\"state\":\"$1\"" "$2" || true; }

status=0
cli status --app "$APP" --all-users >"$WORK/status1.json" || status=$?
[ "$status" -eq 0 ] || fail "herald-cli status exited $status"
[ "$(wc -l <"$WORK/status1.json")" -eq "$USERS" ] || fail "herald-cli status printed $(wc -l <"$WORK/status1.json") records for $USERS users"
had=$(count_state installed "$WORK/status1.json")
missing=$(count_state not_installed "$WORK/status1.json")
[ "$had" -gt 0 ] && [ "$missing" -gt 0 ] && [ $((had + missing)) -eq "$USERS" ] ||
    fail "herald-cli status: $had installed + $missing not installed of $USERS"
cli install --app "$APP" --all-users >"$WORK/install.json" || status=$?
[ "$status" -eq 0 ] || fail "herald-cli install exited $status"
[ "$(count_state installed "$WORK/install.json")" -eq "$missing" ] ||
    fail "herald-cli install installed $(count_state installed "$WORK/install.json"), expected $missing"
cli status --app "$APP" --all-users >"$WORK/status2.json" || status=$?
[ "$status" -eq 0 ] && [ "$(count_state installed "$WORK/status2.json")" -eq "$USERS" ] ||
    fail "after install, herald-cli status shows $(count_state installed "$WORK/status2.json") of $USERS installed"
# chats keeps the chat ids in SQLite in the data dir: Qt's SQLite driver.
"${run_env[@]}" HERALD_CLIENT_SECRET="$SECRET" QT_DEBUG_PLUGINS=1 /usr/bin/herald-cli --quiet --format json \
    "${connection[@]}" chats --app "$APP" --all-users >"$WORK/chats.json" 2>"$WORK/chats.err" || status=$?
[ "$status" -eq 0 ] || fail "herald-cli chats exited $status: $(grep -v qt.core "$WORK/chats.err")"
[ "$(count_state resolved "$WORK/chats.json")" -eq "$USERS" ] ||
    fail "herald-cli chats resolved $(count_state resolved "$WORK/chats.json") of $USERS"
grep -q 'sqldrivers/libqsqlite.so" loaded library' "$WORK/chats.err" ||
    fail "herald-cli chats did not load Qt's SQLite driver"
[ "$(head -c 15 "$USER_HOME/.local/share/herald/herald.sqlite" 2>/dev/null)" = "SQLite format 3" ] ||
    fail "herald-cli chats did not write its SQLite cache in the data dir"
# A wrong secret is an authentication error (exit 3) that does not echo it.
wrong=0
"${run_env[@]}" HERALD_CLIENT_SECRET=not-the-secret /usr/bin/herald-cli --quiet "${connection[@]}" \
    status --app "$APP" --all-users >"$WORK/wrong.out" 2>"$WORK/wrong.err" || wrong=$?
[ "$wrong" -eq 3 ] || fail "herald-cli with a wrong secret exited $wrong, not 3"
! grep -q -e not-the-secret -e "$SECRET" "$WORK/wrong.out" "$WORK/wrong.err" || fail "herald-cli printed a secret"
kill "$SIM_PID"
wait "$SIM_PID" 2>/dev/null || true
SIM_PID=
log "Smoke scenario passed: status ($had of $USERS installed), install ($missing), status ($USERS of $USERS), chats ($USERS)"

# --- The window starts (platform, SVG and image plugins present) ----------------
# --screenshot saves the window once it has painted and the demo tenant is up,
# then quits. Qt's plugin log says which plugins it loaded.
shot=$WORK/window.png
"${run_env[@]}" QT_DEBUG_PLUGINS=1 timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' \
    /usr/bin/herald --demo --screenshot "$shot" >"$WORK/gui.out" 2>&1 || {
    sed 's/^/    /' "$WORK/gui.out" | grep -v qt.core >&2
    fail "/usr/bin/herald --demo did not start and draw its window under Xvfb"
}
[ "$(od -An -tx1 -N4 "$shot" | tr -d ' ')" = 89504e47 ] || fail "herald --screenshot wrote no PNG"
for plugin in platforms/libqxcb.so iconengines/libqsvgicon.so imageformats/libqsvg.so; do
    grep -q "plugins/$plugin\" loaded library" "$WORK/gui.out" ||
        fail "herald did not load the Qt plugin $plugin (a missing package dependency?)"
done
log "herald --demo started under Xvfb ($(grep -m1 'first paint' "$WORK/gui.out" || echo 'painted'))"

# --- Desktop integration ---------------------------------------------------------
desktop-file-validate /usr/share/applications/herald.desktop || fail "desktop-file-validate rejected herald.desktop"
metainfo=/usr/share/metainfo/io.github.herald_teams.herald.metainfo.xml
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate rejected $(basename "$metainfo")"
grep -q '<launchable type="desktop-id">herald.desktop</launchable>' "$metainfo" ||
    fail "the AppStream <launchable> does not name herald.desktop"
newest=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n1)
[ "$newest" = "$UPSTREAM" ] || fail "the newest AppStream release is '$newest', the programs are $UPSTREAM: add a <release>"
for size in $icon_sizes; do
    png=/usr/share/icons/hicolor/${size}x${size}/apps/herald.png
    # PNG: width and height are the big-endian words at bytes 16 and 20.
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x${h}, not ${size}x${size}"
done
for page in herald-cli herald-sim herald; do
    zcat "/usr/share/man/man1/$page.1.gz" | grep -qi "^\.TH \"\{0,1\}$page" ||
        fail "/usr/share/man/man1/$page.1.gz is not the man page of $page"
done
zcat /usr/share/man/man1/herald-cli.1.gz | grep -q 'HERALD_CLIENT_SECRET' || fail "the herald-cli man page does not document HERALD_CLIENT_SECRET"

# bash completion, against the installed herald-cli's own help.
# shellcheck disable=SC2016 # the script is for the inner bash
"${run_env[@]}" bash --norc --noprofile -c '
    set -u
    source /usr/share/bash-completion/completions/herald-cli
    complete -p herald-cli | grep -q _herald_cli || { echo "no completion registered"; exit 1; }
    offers() { # offers "WORDS..." EXPECTED...
        read -r -a COMP_WORDS <<<"$1"
        [ "${1: -1}" = " " ] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        shift
        _herald_cli
        local want
        for want in "$@"; do
            printf "%s\n" "${COMPREPLY[@]}" | grep -qx -- "$want" ||
                { echo "completing \"${COMP_WORDS[*]}\" does not offer $want (offers: ${COMPREPLY[*]})"; exit 1; }
        done
    }
    commands=$(herald-cli --help | sed -n "/^Commands:/,/^\$/s/^  \([a-z][-a-z]*\) .*/\1/p" | sort -u)
    [ -n "$commands" ] || { echo "no commands in herald-cli --help"; exit 1; }
    # shellcheck disable=SC2086
    offers "herald-cli " $commands
    offers "herald-cli st" status
    offers "herald-cli --fo" --format
    offers "herald-cli --format " table csv json
    offers "herald-cli --cloud " global usgov usgovdod china
    offers "herald-cli app " find
    offers "herald-cli status --a" --app --app-external-id --all-users
    offers "herald-cli --tenant x install --" --dry-run --user --users --tenant
' || fail "bash completion of herald-cli"
log "Desktop file, AppStream, icons, man pages and bash completion are fine"

# --- Purge -----------------------------------------------------------------------
# The programs above wrote into the home (window geometry...): compare the
# purge against what is there now.
user_data_sums >"$WORK/user-data.before"
log "Removing the package (apt-get purge)"
apt_get purge -y herald >"$WORK/apt.log" 2>&1 || {
    sed 's/^/    /' "$WORK/apt.log" >&2
    fail "apt-get purge herald failed"
}
INSTALLED_BY_US=
state=$(dpkg-query -W -f='${db:Status-Status}' herald 2>/dev/null || true)
[ -z "$state" ] || [ "$state" = not-installed ] || fail "after purge, dpkg says herald is '$state'"
left=()
while IFS= read -r path; do
    # Shared directories (/usr/bin, /usr/share/icons/...) stay; anything that
    # is not a directory, or is a directory of Herald's own, must be gone.
    if [ -e "$path" ] && { [ ! -d "$path" ] || [[ $path == */herald ]]; }; then
        left+=("$path")
    fi
done <"$WORK/installed-paths"
[ "${#left[@]}" -eq 0 ] || fail "left after purge: ${left[*]}"
user_data_sums | cmp -s - "$WORK/user-data.before" || fail "apt-get purge touched the user's profiles or data"
log "Purged: none of the $(wc -l <"$WORK/installed-paths") paths is left; the user's data is untouched"
log "Package check passed: $(basename "$DEB")"
