#!/usr/bin/env bash
# On a GPU machine: builds dualx-synth-train (build-nn.sh), unpacks a packed source pack (from
# `dualx train --write-sources`) with Python's cv2, and trains one slice of SECONDS on the GPU,
# the clips drawn and degraded on the device. The slice resumes CHECKPOINT (when given and
# present) and leaves in OUT: checkpoint.safetensors (what the next slice resumes), the weight
# average as weights.safetensors and weights-fp16.safetensors, the CSV log (appended to the
# previous slice's log.csv beside CHECKPOINT, when there is one) and the console log.
#   tools/device-check/synth-train-on-gpu.sh OUT PACKED_SOURCES INIT SECONDS [CHECKPOINT] [-- dualx-synth-train options]
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$1 sources=$2 init=$3 seconds=$4
shift 4
checkpoint=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then checkpoint=$1; shift; fi
[ "${1:-}" = "--" ] && shift
mkdir -p "$out"
exec > >(tee "$out/synth-train-on-gpu.log") 2>&1
build=/tmp/dualx-nn-build
tools/device-check/build-nn.sh $build || exit 1
start=$(date +%s)
python3 tools/device-check/unpack-sources.py "$sources" /tmp/dualx-sources-raw.safetensors || exit 1
echo "unpacked in $(( $(date +%s) - start )) s"
if [ -n "$checkpoint" ] && [ -f "$checkpoint" ]; then
  cp "$checkpoint" "$out/checkpoint.safetensors"
  log=$(dirname "$checkpoint")/log.csv
  [ -f "$log" ] && cp "$log" "$out/log.csv"
fi
$build/tools/device-check/dualx-synth-train --sources /tmp/dualx-sources-raw.safetensors --init "$init" \
    --checkpoint "$out/checkpoint.safetensors" --seconds "$seconds" --device cuda \
    --export "$out/weights.safetensors" --export-fp16 "$out/weights-fp16.safetensors" --log "$out/log.csv" "$@"
