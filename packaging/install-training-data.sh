#!/usr/bin/env bash
# Installs the Debian packages whose photos and clips the training and benchmark data come
# from (no internet needed beyond Debian's archive), and generates the pattern photos. Idempotent.
# See models/recipes/README.md.
set -euo pipefail
# supertuxkart-data (about 700 MB) holds photographic textures that stage 2zf reads.
packages=(lomiri-wallpapers-16.04 plasma-workspace-wallpapers mate-backgrounds libjxl-testdata
          python3-skimage opencv-doc python3-imageio python3-mecavideo supertuxkart-data)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-training-data: all packages present"
else
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Generated photos of fine regular structure (facades, blinds, brick; recipes that list
# build/training-patterns). Seeded, so every machine trains on the same pictures.
root="$(cd "$(dirname "$0")/.." && pwd)"
patterns="$root/build/training-patterns"
if [ "$(ls "$patterns"/pattern-*.png 2>/dev/null | wc -l)" -lt 40 ]; then
  /usr/bin/python3 "$root/tools/training-data/make-pattern-photos.py" "$patterns" --count 40
fi
