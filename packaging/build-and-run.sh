#!/usr/bin/env bash
# Everything from a fresh Debian 12 machine to the main job: install, build, run.
# Today the engine stops at the network: this shows the shipped presets and measures the CPU
# preset on a 320x180 clip. Upscaling the bundled sample clip arrives with the video pipeline.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DUALX_BUILD_DIR:-$root/build}"
bash "$root/packaging/install-deps.sh"
bash "$root/packaging/build.sh"
"$build/app/dualx" --version
"$build/app/dualx" model-info --preset small --size 320x180 --frames 16
"$build/app/dualx" bench --preset small --size 320x180 --frames 8 --warmup 0
