#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Portolan needs to build, run and test, when any is missing.
# Safe to run again: it does nothing when everything is present.
set -euo pipefail

packages=(
    # Build: compiler, CMake, Ninja, Qt 6 (>= 6.4) with Svg, Linguist tools and Qt's own translations.
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-translations-l10n libgl-dev libxkbcommon-dev libqt6opengl6-dev
    # Proxy password storage in the OS keychain.
    qtkeychain-qt6-dev
    # Japanese text in the GUI, the diagram and the screenshots.
    fonts-noto-cjk fonts-dejavu-core
    # Tests: real servers and validators on loopback, certificates, namespaces, a JS engine for PAC
    # (squid-openssl: squid built with ssl-bump, for a TLS-inspecting proxy).
    openssl squid-openssl dnsmasq chrony iproute2 iptables nftables nodejs util-linux
    # Tests: ipsets for the iptables export, dig for its generated refresher.
    ipset bind9-dnsutils
    # Tests: the Suricata rule parser of suricata-update (bookworm has no suricata engine for -T).
    suricata-update
    # Tests: the catalog against its JSON Schema.
    python3 python3-jsonschema
    # Screenshots under a virtual display.
    xvfb xauth imagemagick
    graphviz # dot: the reference crossing count of bench/bench_diagram
    # Fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes.
    clang libclang-rt-dev
    # Packages (scripts/test-packages.sh): shlibdeps, lintian, desktop and AppStream validators, icons.
    dpkg-dev lintian desktop-file-utils appstream librsvg2-bin bash-completion man-db
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
# The test servers are started by the tests themselves; keep the packaged daemons from holding ports.
for service in squid dnsmasq chrony; do
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
    $sudo service "$service" stop >/dev/null 2>&1 || true
done
