#!/usr/bin/env bash
# Everything from a fresh Debian 12 machine to the main job: install, build, run.
# With a display, DualX Studio opens with the bundled sample clip queued; without one, the CLI
# restores the sample clip with the shipped MSE model and shows what came out.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DUALX_BUILD_DIR:-$root/build}"
sample="$root/resources/sample/cockatoo-320x180.mp4"
bash "$root/packaging/install-deps.sh"
bash "$root/packaging/build.sh"
"$build/app/dualx" --version
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/app/dualx-studio" ]; then
  exec "$build/app/dualx-studio" "$sample"
fi
out="$build/sample-restored.mp4"
rm -f "$out"
"$build/app/dualx" upscale "$sample" -o "$out" --model mse --preset web-h264
ffprobe -v error -show_entries stream=codec_type,codec_name,width,height:format=duration -of compact "$out"
echo "restored sample: $out"
