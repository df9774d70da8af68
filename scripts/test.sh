#!/usr/bin/env bash
# Quick start: install what is missing, build, and run every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
(cd build && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 "$@")
# The Debian packages: built, installed, the installed programs run, validated, removed.
scripts/test-packages.sh build
# The same suite once more under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/),
# then every fuzz target for a bounded time on its committed corpus (build-fuzz/).
# PORTOLAN_SANITIZERS=0 skips both for a quick local run; CI always runs them.
if [ "${PORTOLAN_SANITIZERS:-1}" != 0 ]; then
    scripts/test-sanitizers.sh
    scripts/fuzz.sh "${PORTOLAN_FUZZ_SECONDS:-60}"
fi
