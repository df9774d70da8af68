#!/usr/bin/env bash
# Refreshes the .ts files from the sources (core and app share one catalogue of UI strings).
# Then translate the new entries in Qt Linguist; the build compiles them with lrelease.
# portolan_en.ts holds only the English plural forms (sources say "%n rows"; it adds "%n row").
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate6 || command -v /usr/lib/qt6/bin/lupdate || command -v lupdate)
"$lupdate" -no-obsolete -locations none core app -ts translations/portolan_ja.ts
"$lupdate" -no-obsolete -locations none -pluralonly -source-language en -target-language en core app \
    -ts translations/portolan_en.ts
