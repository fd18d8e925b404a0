#!/usr/bin/env bash
# Builds the Debian package, installs it into a scratch root, runs the installed dualx on the
# bundled sample clip with the shipped model found relative to the install, checks the output
# and the desktop files, and removes the scratch root. Usage: test_packaging.sh BUILD_DIR
set -euo pipefail
build="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/package" > "$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; fail "cpack"; }
deb="$(ls "$scratch"/package/*.deb)"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for needed in libtorch libqt6widgets6 libavformat libopencv-core libopenblas0-openmp opencv-data libqt6sql6-sqlite; do
  grep -q "$needed" <<<"$depends" || fail "Depends lacks $needed"
done

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/dualx usr/bin/dualx-studio usr/share/dualx/models/dualx-small-mse.safetensors \
         usr/share/dualx/models/dualx-small-gan.safetensors usr/share/dualx/models/dualx-small-gan.md \
         usr/share/dualx/sample/cockatoo-320x180.mp4 usr/share/applications/io.github.dualx.Studio.desktop \
         usr/share/metainfo/io.github.dualx.Studio.metainfo.xml usr/share/icons/hicolor/256x256/apps/dualx-studio.png \
         usr/share/icons/hicolor/scalable/apps/dualx-studio.svg usr/share/man/man1/dualx.1 \
         usr/share/bash-completion/completions/dualx; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.dualx.Studio.metainfo.xml" > /dev/null || fail "metainfo does not validate"
bash -n "$root/usr/share/bash-completion/completions/dualx" || fail "bash completion has a syntax error"

# The installed CLI finds its model under its own prefix (no build tree, no DUALX_MODEL_DIR).
unset DUALX_MODEL_DIR
"$root/usr/bin/dualx" --version | tee "$scratch/version.txt"
grep -q "model mse: $root/usr/share/dualx/models/dualx-small-mse.safetensors" "$scratch/version.txt" || fail "installed dualx does not find its model"
grep -q "model gan: $root/usr/share/dualx/models/dualx-small-gan.safetensors" "$scratch/version.txt" || fail "installed dualx does not find its GAN model"
# Stages trained without validation store no score: the line must not claim one of 0 dB.
! grep -q "PSNR-Y 0" "$scratch/version.txt" || fail "--version reports a validation score the models never had"
"$root/usr/bin/dualx" upscale "$root/usr/share/dualx/sample/cockatoo-320x180.mp4" -o "$scratch/out.mkv" --model mse \
  --preset archive-ffv1 --frames 4 --frame-overlap 1 --tile 96 --duration 0.5 --progress none
probe="$(ffprobe -v error -show_entries stream=codec_type,width,height -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$scratch/out.mkv")"
echo "$probe"
grep -q "^video,1280,720,10$" <<<"$probe" || fail "unexpected video stream: $probe"
grep -q "^audio" <<<"$probe" || fail "the audio track was lost"
echo "PASS"
