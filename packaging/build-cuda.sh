#!/usr/bin/env bash
# Builds DualX Studio (the app, the CLI and the tests) against an official LibTorch with CUDA, so
# the app's device setting and `--device cuda` can use an NVIDIA GPU. Debian's LibTorch has no
# CUDA; everything else (Qt, FFmpeg, OpenCV) still comes from packaging/install-deps.sh.
#
# usage: packaging/build-cuda.sh LIBTORCH_DIR [extra cmake -D options]
#   LIBTORCH_DIR: the unpacked "libtorch-cxx11-abi-shared-with-deps" archive for your CUDA
#   version from pytorch.org (LibTorch 2.x; the pre-cxx11 ABI archive cannot link with Debian's
#   Qt and FFmpeg). Needs the CUDA toolkit (nvcc) that archive was built for.
# Builds into build-cuda/ (DUALX_BUILD_DIR overrides), then, where a GPU is visible, times the
# network on it with `dualx bench --device cuda`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "build-cuda.sh: $*" >&2; exit 2; }

[ $# -ge 1 ] || fail "usage: packaging/build-cuda.sh LIBTORCH_DIR [extra cmake -D options]"
libtorch="$(cd "$1" 2>/dev/null && pwd)" || fail "LibTorch folder '$1' does not exist"
shift
config="$(find "$libtorch" -name TorchConfig.cmake -path '*Torch*' 2>/dev/null | head -n 1)"
[ -n "$config" ] || fail "'$libtorch' holds no TorchConfig.cmake: is it an unpacked LibTorch archive?"
torch_dir="$(dirname "$config")"
libdir="$(dirname "$(find "$libtorch" -name 'libc10.so*' 2>/dev/null | head -n 1)")"
ls "$libdir"/libc10_cuda.so* >/dev/null 2>&1 \
    || fail "'$libtorch' is a LibTorch without CUDA (no libc10_cuda.so): download a CUDA build"
if grep -rqs -- "-D_GLIBCXX_USE_CXX11_ABI=0" "$torch_dir"; then
    fail "'$libtorch' is the pre-cxx11 ABI build, which cannot link with Debian's Qt and FFmpeg: use libtorch-cxx11-abi-shared-with-deps"
fi
command -v nvcc >/dev/null 2>&1 || [ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ] \
    || fail "no CUDA toolkit found (nvcc on PATH or in \$CUDA_HOME/bin): LibTorch's CMake files need it"
export PATH="${CUDA_HOME:-/usr/local/cuda}/bin:$PATH"

export DUALX_BUILD_DIR="${DUALX_BUILD_DIR:-$root/build-cuda}"
# Torch_DIR first, so that a Debian libtorch-dev on the same machine is not picked instead.
"$root/packaging/build.sh" -DTorch_DIR="$torch_dir" -DCMAKE_PREFIX_PATH="$libtorch" "$@"
grep -q "DUALX_WITH_CUDA" "$DUALX_BUILD_DIR/build.ninja" "$DUALX_BUILD_DIR/CMakeFiles/"*.txt 2>/dev/null \
    || grep -rqs "DUALX_WITH_CUDA" "$DUALX_BUILD_DIR/core" \
    || fail "the build did not pick up LibTorch's CUDA libraries (see $DUALX_BUILD_DIR/CMakeCache.txt)"
echo "built $DUALX_BUILD_DIR/app/dualx and $DUALX_BUILD_DIR/app/dualx-studio against $libtorch"
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
    "$DUALX_BUILD_DIR/app/dualx" bench --preset small --size 320x180 --frames 16 --device cuda
else
    echo "no GPU visible here: run '$DUALX_BUILD_DIR/app/dualx bench --preset small --device cuda' where there is one"
fi
