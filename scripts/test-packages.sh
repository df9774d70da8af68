#!/usr/bin/env bash
# Builds the Debian packages with CPack, installs them on this machine (dpkg -i, then apt-get -f
# install when dependencies are missing), runs the installed programs, validates the desktop file,
# the AppStream metadata, the manual pages, the bash completion and the packages (lintian), then
# removes the packages and checks that their files are gone. Exits non-zero on the first failure.
# Usage: scripts/test-packages.sh [build-dir]   (default: build; configured by scripts/build.sh)
# Needs root or sudo. Dependencies that apt-get pulls in stay installed.
set -euo pipefail
start=$SECONDS
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
lock=/tmp/portolan-build.lock
tmp=$(mktemp -d)
installed=0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
step() { echo "test-packages: $*"; }
fail() {
    echo "test-packages: FAIL: $*" >&2
    exit 1
}
finish() {
    local rc=$?
    if [ "$installed" -eq 1 ]; then
        step "removing the packages after a failure"
        $sudo dpkg -r portolan portolan-cli >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
    echo "test-packages: $([ "$rc" -eq 0 ] && echo passed || echo failed) in $((SECONDS - start)) s"
}
trap finish EXIT

# 1. Build and package (through the shared build lock when there is one).
locked() { if command -v flock >/dev/null; then flock "$lock" nice "$@"; else nice "$@"; fi; }
[ -f "$build/CMakeCache.txt" ] || fail "$build is not configured: run scripts/build.sh first"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"
arch=$(dpkg --print-architecture)
step "building and packaging $version for $arch in $build"
locked cmake --build "$build" --parallel 2 >"$tmp/build.log" 2>&1 || {
    tail -30 "$tmp/build.log"
    fail "build"
}
rm -f "$build"/portolan*.deb
(cd "$build" && locked cpack -G DEB) >"$tmp/cpack.log" 2>&1 || {
    cat "$tmp/cpack.log"
    fail "cpack"
}
gui_deb=$build/portolan_${version}_${arch}.deb
cli_deb=$build/portolan-cli_${version}_${arch}.deb
for deb in "$gui_deb" "$cli_deb"; do
    [ -f "$deb" ] || fail "cpack did not write $deb"
done

# 2. Control fields: sections, computed dependencies, one version.
field() { dpkg-deb -f "$1" "$2"; }
[ "$(field "$gui_deb" Section)" = x11 ] || fail "portolan: Section is not x11"
[ "$(field "$cli_deb" Section)" = net ] || fail "portolan-cli: Section is not net"
for deb in "$gui_deb" "$cli_deb"; do
    [ "$(field "$deb" Version)" = "$version" ] || fail "$(basename "$deb"): Version is not $version"
    field "$deb" Depends | grep -q 'libqt6core6' || fail "$(basename "$deb"): no computed Qt dependency"
done
field "$cli_deb" Depends | grep -qE 'libqt6(widgets|gui|svg)6' && fail "portolan-cli depends on a display library"
# The one command that paints runs in portolan-diagram, which the GUI package carries.
gui_files=$(dpkg-deb -c "$gui_deb")
cli_files=$(dpkg-deb -c "$cli_deb")
grep -q '/usr/libexec/portolan/portolan-diagram$' <<<"$gui_files" || fail "portolan has no portolan-diagram"
grep -q 'portolan-diagram' <<<"$cli_files" && fail "portolan-cli carries portolan-diagram"
step "portolan depends on: $(field "$gui_deb" Depends)"
step "portolan-cli depends on: $(field "$cli_deb" Depends)"

# 3. lintian: no error or warning; overrides are in the packages, justified in packaging/lintian-notes.md.
step "lintian"
lintian --fail-on error,warning --display-info --show-overrides "$gui_deb" "$cli_deb" | tee "$tmp/lintian.log" ||
    fail "lintian"

# 4. Install.
step "installing"
installed=1
if ! $sudo dpkg -i "$gui_deb" "$cli_deb" >"$tmp/dpkg.log" 2>&1; then
    step "dpkg -i left dependencies missing; apt-get -f install"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get -f install -y >"$tmp/apt.log" 2>&1 || {
        cat "$tmp/dpkg.log" "$tmp/apt.log"
        fail "apt-get -f install"
    }
fi
for package in portolan portolan-cli; do
    dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" || fail "$package is not installed"
done

# 5. The installed CLI.
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cli=/usr/bin/portolan-cli
[ -x "$cli" ] || fail "$cli missing"
[ "$("$cli" --version)" = "portolan-cli $version" ] || fail "portolan-cli --version is not $version"
"$cli" catalog --info >"$tmp/info.txt" || fail "portolan-cli catalog --info"
grep -q '^Flows: [1-9]' "$tmp/info.txt" || fail "catalog --info printed no flows"
"$cli" lookup 34.205.5.7:4118 >"$tmp/lookup.txt" || fail "portolan-cli lookup 34.205.5.7:4118"
grep -q 'ws-agent-4118' "$tmp/lookup.txt" || fail "lookup did not find ws-agent-4118"
"$cli" check --role agent --dry-run >"$tmp/plan.txt" || fail "portolan-cli check --dry-run"
grep -q '^Plan for agent: [1-9]' "$tmp/plan.txt" || fail "check --dry-run printed no plan"
"$cli" export --format nftables --role agent --output "$tmp/agent.nft" 2>/dev/null || fail "portolan-cli export"
[ -s "$tmp/agent.nft" ] || fail "export wrote nothing"
env -u DISPLAY -u WAYLAND_DISPLAY "$cli" diagram --role agent -o "$tmp/agent.svg" || fail "portolan-cli diagram"
grep -q '<svg' "$tmp/agent.svg" || fail "diagram wrote no SVG"
step "portolan-cli: catalog, lookup, check --dry-run, export, diagram ok"

# 6. The installed GUI, offscreen, with its own settings directory.
gui=/usr/bin/portolan
[ -x "$gui" ] || fail "$gui missing"
export XDG_CONFIG_HOME=$tmp/config
[ "$(QT_QPA_PLATFORM=offscreen "$gui" --version)" = "Portolan $version" ] || fail "portolan --version is not $version"
QT_QPA_PLATFORM=offscreen timeout 60 "$gui" --screenshot "$tmp/window.png" --size 800x600 ||
    fail "portolan --screenshot"
# The window keeps its minimum width, so the picture may be wider than asked for.
colours=$(identify -format %k "$tmp/window.png")
size=$(identify -format %wx%h "$tmp/window.png")
[ "$colours" -gt 10 ] || fail "the screenshot is blank ($colours colours)"
step "portolan: screenshot $size with $colours colours"

# 7. Desktop integration, manual pages, completion, as installed.
app_id=io.github.portolan.Portolan
desktop-file-validate /usr/share/applications/$app_id.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml >"$tmp/appstream.log" || {
    cat "$tmp/appstream.log"
    fail "appstreamcli validate"
}
grep -q "<release version=\"$version\"" /usr/share/metainfo/$app_id.metainfo.xml ||
    fail "AppStream has no release $version"
[ -f /usr/share/icons/hicolor/scalable/apps/$app_id.svg ] || fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256; do
    png=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ "$(identify -format %wx%h "$png")" = "${size}x${size}" ] || fail "$png is not ${size}x${size}"
done
for page in portolan portolan-cli; do
    file=/usr/share/man/man1/$page.1.gz
    [ -f "$file" ] || fail "no manual page $file"
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$file" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "$page.1: $warnings"
    zcat "$file" | grep -q "$page $version" || fail "$page.1 is not for $version"
done
for command in catalog lookup triage check export diagram; do
    zcat /usr/share/man/man1/portolan-cli.1.gz | grep -q "^\.SS $command\$" || fail "portolan-cli.1 has no $command"
done
completion=/usr/share/bash-completion/completions/portolan-cli
[ -f "$completion" ] || fail "no bash completion"
if [ -f /usr/share/bash-completion/bash_completion ]; then
    complete_words() {
        bash -c 'source /usr/share/bash-completion/bash_completion; source "$0"
                 COMP_WORDS=("${@}"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                 _portolan_cli; echo "${COMPREPLY[*]}"' "$completion" "$@"
    }
    # The completion's lists against what the installed program accepts.
    # (Both commands exit 2 on the unknown value; their message lists the known ones.)
    roles=$({ "$cli" lookup --role '?' 1.2.3.4 2>&1 || true; } | sed -n 's/.*is not a role (\(.*\))$/\1/p' | tr -d ,)
    formats=$({ "$cli" export --format '?' 2>&1 || true; } | sed -n 's/.*unknown format "?" (\(.*\))$/\1/p' | tr -d ,)
    [ -n "$roles" ] && [ -n "$formats" ] || fail "cannot read the roles and formats from portolan-cli"
    [ "$(complete_words portolan-cli check --role '')" = "$roles" ] || fail "completion roles are not: $roles"
    [ "$(complete_words portolan-cli export --format '')" = "$formats" ] ||
        fail "completion formats are not: $formats"
    [ "$(complete_words portolan-cli '')" = "catalog lookup triage check export diagram --help --version" ] ||
        fail "completion of the commands"
    complete_words portolan-cli check --dr | grep -qx -- --dry-run || fail "completion of check's options"
    step "bash completion: commands, options, roles ($roles), formats"
else
    bash -n "$completion" || fail "bash completion syntax"
    step "bash-completion is not installed: completion syntax checked only"
fi

# 8. Remove, and check that every file of the packages is gone.
step "removing"
$sudo dpkg -r portolan portolan-cli >"$tmp/remove.log" 2>&1 || {
    cat "$tmp/remove.log"
    fail "dpkg -r"
}
installed=0
for package in portolan portolan-cli; do
    state=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ -z "$state" ] || [ "$state" = not-installed ] || fail "$package is still $state"
done
left=0
for deb in "$gui_deb" "$cli_deb"; do
    while read -r path; do
        if [ -e "$path" ]; then
            echo "test-packages: left behind: $path" >&2
            left=1
        fi
    done < <(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }')
done
[ "$left" -eq 0 ] || fail "files left after dpkg -r"
step "packages removed, no file left"
