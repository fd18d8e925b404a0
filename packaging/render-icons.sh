#!/usr/bin/env bash
# Renders the hicolor PNG icons from resources/icons/dualx-studio.svg (needs rsvg-convert from
# librsvg2-bin). The PNGs are committed, so building and packaging do not need this tool.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for size in 16 32 48 64 128 256; do
  rsvg-convert -w "$size" -h "$size" "$root/resources/icons/dualx-studio.svg" -o "$root/resources/icons/dualx-studio-$size.png"
done
