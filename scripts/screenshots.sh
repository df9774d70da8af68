#!/bin/sh
# Regenerates the README screenshots of the explorer window, in English and Japanese.
# Usage: scripts/screenshots.sh [build-dir]   (default: build)
# The window is rendered offscreen at a fixed size; no display is needed.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
out="$root/docs/screenshots"

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target portolan
mkdir -p "$out"

export QT_QPA_PLATFORM=offscreen
export QT_SCALE_FACTOR=1
export LC_ALL=C.UTF-8
# Keep the user's settings out of the pictures.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

for lang in en ja; do
    "$build/bin/portolan" --screenshot "$out/explorer-$lang.png" --lang "$lang" --size 1400x860 \
        --role agent --select agent-syslog
    echo "wrote $out/explorer-$lang.png"
    # The Agent's view of the diagram, and a step of Present for it.
    "$build/bin/portolan" --screenshot "$out/diagram-agent-$lang.png" --lang "$lang" --size 1400x860 \
        --role agent --tab diagram
    # Present at a projector's size.
    "$build/bin/portolan" --screenshot "$out/present-agent-$lang.png" --lang "$lang" --size 1920x1080 \
        --role agent --present 2
    echo "wrote $out/diagram-agent-$lang.png $out/present-agent-$lang.png"
done
"$build/bin/portolan" --screenshot "$out/lookup-en.png" --lang en --size 1400x860 --lookup 34.205.5.7
echo "wrote $out/lookup-en.png"

# The Connectivity tab after a run against the GUI test's loopback servers (never real hosts).
cmake --build "$build" --target tst_testerpanel
shots=$(mktemp -d)
PORTOLAN_TESTER_SCREENSHOTS="$shots" "$build/tests/gui/tst_testerpanel" screenshots >/dev/null
PORTOLAN_TESTER_SCREENSHOTS="$shots" PORTOLAN_TESTER_SCREENSHOT_LANG=ja \
    "$build/tests/gui/tst_testerpanel" screenshots >/dev/null
# The question F5 asks before contacting the built-in catalog's hosts (answered Cancel).
PORTOLAN_TESTER_SCREENSHOTS="$shots" "$build/tests/gui/tst_testerpanel" builtinCatalogAsksFirst >/dev/null
PORTOLAN_TESTER_SCREENSHOTS="$shots" PORTOLAN_TESTER_SCREENSHOT_LANG=ja \
    "$build/tests/gui/tst_testerpanel" builtinCatalogAsksFirst >/dev/null
cp "$shots/tester-panel.png" "$out/tester-en.png"
cp "$shots/tester-panel-ja.png" "$out/tester-ja.png"
cp "$shots/tester-confirm.png" "$out/tester-confirm-en.png"
cp "$shots/tester-confirm-ja.png" "$out/tester-confirm-ja.png"
rm -rf "$shots"
echo "wrote $out/tester-en.png $out/tester-ja.png $out/tester-confirm-en.png $out/tester-confirm-ja.png"

# The diagram in the dark palette, with results (shapes as well as colours) and with host names.
"$build/bin/portolan" --screenshot "$out/diagram-dark-en.png" --lang en --size 1400x860 --tab diagram --dark
cmake --build "$build" --target tst_diagramwidget
shots=$(mktemp -d)
PORTOLAN_SCREENSHOT_DIR="$shots" "$build/tests/diagram/tst_diagramwidget" resultSymbols hostNamesToggle >/dev/null
cp "$shots/diagram-results.png" "$shots/diagram-hosts.png" "$out/"
rm -rf "$shots"
echo "wrote $out/diagram-dark-en.png $out/diagram-results.png $out/diagram-hosts.png"

# The ports diagram, from the CLI (the same drawing as the Diagram tab).
cmake --build "$build" --target portolan-cli
for lang in en ja; do
    "$build/bin/portolan-cli" diagram --format png --lang "$lang" --output "$out/diagram-$lang.png"
    echo "wrote $out/diagram-$lang.png"
done
