#!/usr/bin/env bash
# Builds dualx_nn and dualx-device-check against the LibTorch inside the machine's PyTorch wheel
# (CUDA), then checks and times the network on the GPU. Results go to $1 (default ./device-out).
# Needs .devdeps/ from tools/device-check/stage-deps.sh where nlohmann-json is not installed.
#   tools/device-check/run-on-gpu.sh OUTDIR [extra dualx-device-check options]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-device-out}; shift || true
mkdir -p "$out"
exec > >(tee "$out/run-on-gpu.log") 2>&1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI)'
torch_cmake=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
g++ --version | head -1; cmake --version | head -1
build=/tmp/dualx-nn-build
start=$(date +%s)
cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DDUALX_NN_ONLY=ON -DDUALX_BUILD_TESTS=OFF \
      -DDUALX_BUILD_GUI=OFF "-DCMAKE_PREFIX_PATH=$torch_cmake;$PWD/.devdeps" -DTORCH_CUDA_ARCH_LIST=9.0 \
  && cmake --build $build -j"$(nproc)" || { echo "BUILD FAILED after $(( $(date +%s) - start )) s"; exit 1; }
echo "built in $(( $(date +%s) - start )) s"
check=$build/tools/device-check/dualx-device-check
# The shipped model against the CPU reference; the paper-size and the small network's speed.
$check --device cuda --presets small,paper --size 320x180 --frames 8 --train-batch 2 --train-crop 64 \
       --repeats 3 --json "$out/device-check.json" "$@"
status=$?
# Training throughput of the shipped size at a GPU-sized batch (for planning training runs).
$check --device cuda --presets small --size 320x180 --frames 8 --train-batch 16 --train-crop 32 \
       --repeats 5 --json "$out/device-check-small-batch16.json" || status=1
exit $status
