#!/usr/bin/env bash
# Fetches the Debian packages the validation set's clips come from (the "package" of every clip in
# resources/validation/manifest.json) and unpacks them into a folder of their own, without
# installing them: training reads only installed packages' folders, so these clips can never
# leak into it, and nothing of the system changes. Also installs ffmpeg and python3 to build the
# set with. Idempotent. Then tools/validation/build-validation-set.py builds the set
# (docs/validation.md).
# Usage: packaging/install-validation-data.sh [SOURCES_FOLDER] (default build/validation-sources)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-$root/build/validation-sources}"
manifest="$root/resources/validation/manifest.json"
mapfile -t packages < <(sed -n 's/.*"package": *"\([^"]*\)".*/\1/p' "$manifest" | sort -u)

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
tools=()
for t in ffmpeg python3; do command -v "$t" >/dev/null || tools+=("$t"); done
if [ ${#tools[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${tools[@]}"
fi

mkdir -p "$dest/debs"
updated=false
for p in "${packages[@]}"; do
  [ -f "$dest/$p/.unpacked" ] && continue
  if ! ls "$dest/debs/${p}"_*.deb >/dev/null 2>&1; then
    # apt-get download needs current package lists; refresh them once if the first try fails.
    if ! (cd "$dest/debs" && apt-get download -qq "$p"); then
      $updated && { echo "install-validation-data: cannot download $p" >&2; exit 1; }
      $SUDO apt-get update -qq
      updated=true
      (cd "$dest/debs" && apt-get download -qq "$p")
    fi
  fi
  rm -rf "$dest/$p"
  dpkg-deb -x "$(ls "$dest/debs/${p}"_*.deb | head -n 1)" "$dest/$p"
  touch "$dest/$p/.unpacked"
  echo "install-validation-data: unpacked $p"
done
echo "install-validation-data: ${#packages[@]} packages in $dest"
