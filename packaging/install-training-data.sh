#!/usr/bin/env bash
# Installs the Debian packages whose photos and clips the training and benchmark data come
# from (no internet needed beyond Debian's archive). Idempotent. See docs/training-data.md.
set -euo pipefail
packages=(lomiri-wallpapers-16.04 plasma-workspace-wallpapers mate-backgrounds libjxl-testdata
          python3-skimage opencv-doc python3-imageio python3-mecavideo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "install-training-data: all present"; exit 0; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
