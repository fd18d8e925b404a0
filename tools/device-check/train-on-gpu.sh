#!/usr/bin/env bash
# On a GPU machine: builds dualx-bank-train (build-nn.sh), unpacks a packed sample bank (from
# `dualx train --write-bank`) with Python's cv2, fine-tunes INIT on it for SECONDS on the GPU and
# leaves the weights (float32 and fp16), the log and the CSV in OUT.
#   tools/device-check/train-on-gpu.sh OUT PACKED_BANK INIT SECONDS [dualx-bank-train options]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$1 bank=$2 init=$3 seconds=$4
shift 4
mkdir -p "$out"
exec > >(tee "$out/train-on-gpu.log") 2>&1
build=/tmp/dualx-nn-build
tools/device-check/build-nn.sh $build || exit 1
start=$(date +%s)
python3 tools/device-check/unpack-bank.py "$bank" /tmp/dualx-bank-raw.safetensors || exit 1
echo "unpacked in $(( $(date +%s) - start )) s"
$build/tools/device-check/dualx-bank-train --bank /tmp/dualx-bank-raw.safetensors --init "$init" \
    --out "$out/bank-trained.safetensors" --out-fp16 "$out/bank-trained-fp16.safetensors" --device cuda \
    --seconds "$seconds" --log "$out/bank-trained.csv" "$@"
