#!/usr/bin/env bash
# Builds dualx_nn and the tools in tools/device-check against the LibTorch inside the machine's
# PyTorch wheel (CUDA) into $1 (default /tmp/dualx-nn-build). Needs .devdeps/ from stage-deps.sh
# where nlohmann-json is not installed.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-/tmp/dualx-nn-build}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI)'
torch_cmake=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
g++ --version | head -1; cmake --version | head -1
start=$(date +%s)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDUALX_NN_ONLY=ON -DDUALX_BUILD_TESTS=OFF \
      -DDUALX_BUILD_GUI=OFF "-DCMAKE_PREFIX_PATH=$torch_cmake;$PWD/.devdeps" -DTORCH_CUDA_ARCH_LIST=9.0 >/dev/null \
  && cmake --build "$build" -j"$(nproc)" >/dev/null || { echo "BUILD FAILED after $(( $(date +%s) - start )) s"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
