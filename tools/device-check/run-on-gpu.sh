#!/usr/bin/env bash
# Builds dualx_nn and dualx-device-check (build-nn.sh), then checks and times the network on the
# GPU. Results go to $1 (default ./device-out).
# Needs .devdeps/ from tools/device-check/stage-deps.sh where nlohmann-json is not installed.
#   tools/device-check/run-on-gpu.sh OUTDIR [extra dualx-device-check options]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-device-out}; shift || true
mkdir -p "$out"
exec > >(tee "$out/run-on-gpu.log") 2>&1
build=/tmp/dualx-nn-build
tools/device-check/build-nn.sh $build || exit 1
check=$build/tools/device-check/dualx-device-check
# The shipped model against the CPU reference; the paper-size and the small network's speed.
$check --device cuda --presets small,paper --size 320x180 --frames 8 --train-batch 2 --train-crop 64 \
       --repeats 3 --json "$out/device-check.json" "$@"
status=$?
# Training throughput of the shipped size at a GPU-sized batch (for planning training runs).
$check --device cuda --presets small --size 320x180 --frames 8 --train-batch 16 --train-crop 32 \
       --repeats 5 --json "$out/device-check-small-batch16.json" || status=1
exit $status
