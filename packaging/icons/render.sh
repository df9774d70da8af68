#!/usr/bin/env bash
# Renders the hicolor PNG icons from portolan.svg (needs rsvg-convert: apt install librsvg2-bin).
# The PNGs are committed; run this again after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --output "portolan-$size.png" portolan.svg
done
