#!/usr/bin/env bash
# Quick start: install what is missing, build, and start the GUI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/bin/portolan "$@"
