#!/usr/bin/env bash
# The weight-file tools on the shipped MSE model: set-model-config.py sets the calibrated unknown
# point (and boolean switches), records the change, refuses what would break the file and leaves
# no partial file; a file whose unknown point is 0.25 upscales blind exactly as the original told
# --source 0.25; interpolate-models.py at alpha 1 and 0 gives its ends.
# Usage: test_model_tools.sh SOURCE_DIR DUALX
set -euo pipefail
src="$1"
dualx="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
set_config() { python3 "$src/tools/set-model-config.py" "$@"; }
config_field() { "$dualx" model-info "$1" --json | python3 -c "import json, sys; print(json.load(sys.stdin)['config']['$2'])"; }
metadata_field() { "$dualx" model-info "$1" --json | python3 -c "import json, sys; print(json.load(sys.stdin)['file']['metadata'].get('$2', ''))"; }

# Whether two weight files hold the same tensors, byte for byte, by name.
same_tensors() {
  python3 - "$1" "$2" <<'PY'
import json, struct, sys
def tensors(path):
    data = open(path, "rb").read()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    return {name: (e["dtype"], e["shape"], data[8 + size + e["data_offsets"][0]:8 + size + e["data_offsets"][1]])
            for name, e in header.items() if name != "__metadata__"}
sys.exit(0 if tensors(sys.argv[1]) == tensors(sys.argv[2]) else 1)
PY
}

# The shipped model with its unknown point at the network's own 0.5, then at 0.25.
mse="$scratch/mse.safetensors"
set_config "$src/models/dualx-small-mse.safetensors" unknown_source_condition=0.5 --out "$mse" > /dev/null
set_config "$mse" degraded_source_condition=1 > /dev/null
calibrated="$scratch/calibrated.safetensors"
set_config "$mse" unknown_source_condition=0.25 --out "$calibrated" > /dev/null
[ "$(config_field "$calibrated" unknown_source_condition)" = "0.25" ] || fail "unknown_source_condition not stored"
case "$(metadata_field "$calibrated" dualx.config_changes)" in
  *"unknown_source_condition=0.25 (weights unchanged)") ;;
  *) fail "the change is not recorded: $(metadata_field "$calibrated" dualx.config_changes)" ;;
esac
same_tensors "$mse" "$calibrated" || fail "the tensors changed"

# Refusals name the problem and leave the file as it was.
before="$(sha256sum < "$calibrated")"
for bad in unknown_source_condition=1.5 unknown_source_condition=abc degraded_source_condition=0.1 recon_blocks=3 scale=true; do
  if message="$(set_config "$calibrated" "$bad" 2>&1)"; then fail "$bad was accepted"; fi
  case "$message" in *set-model-config:*) ;; *) fail "$bad: no clear error: $message" ;; esac
done
[ "$(sha256sum < "$calibrated")" = "$before" ] || fail "a refused change altered the file"
ls "$scratch" | grep -q partial && fail "a partial file was left behind"
set_config "$calibrated" phase_consistent_upsampler=true > /dev/null
[ "$(config_field "$calibrated" phase_consistent_upsampler)" = "True" ] || fail "boolean switch not set"

# Blind with the unknown point at 0.25 == the original file told 0.25 on the user's scale.
ffmpeg -v error -f lavfi -i "testsrc2=size=48x32:rate=25" -frames:v 4 -c:v ffv1 "$scratch/in.mkv"
upscale() { "$dualx" upscale "$scratch/in.mkv" -o "$1" --model "$2" --threads 1 --progress none "${@:3}" > /dev/null; }
frames() { ffmpeg -v error -i "$1" -map 0:v -f framemd5 - | grep -v '^#'; }
upscale "$scratch/blind.mkv" "$calibrated"
upscale "$scratch/told.mkv" "$mse" --source 0.25
upscale "$scratch/original.mkv" "$mse"
[ "$(frames "$scratch/blind.mkv")" = "$(frames "$scratch/told.mkv")" ] || fail "blind with point 0.25 differs from told 0.25"
[ "$(frames "$scratch/blind.mkv")" != "$(frames "$scratch/original.mkv")" ] || fail "the unknown point changed nothing"
# Told degraded with the degraded point at 0.75 == the original told 0.75 (0.5 + 0.25 of the way to 1).
set_config "$calibrated" degraded_source_condition=0.75 > /dev/null
[ "$(config_field "$calibrated" degraded_source_condition)" = "0.75" ] || fail "degraded_source_condition not stored"
upscale "$scratch/degraded-point.mkv" "$calibrated" --source degraded
upscale "$scratch/told-075.mkv" "$mse" --source 0.75
[ "$(frames "$scratch/degraded-point.mkv")" = "$(frames "$scratch/told-075.mkv")" ] || fail "told degraded at point 0.75 differs from told 0.75"

# Interpolation: alpha 1 is A, alpha 0 is B (tensor bytes), A's config kept.
python3 "$src/tools/interpolate-models.py" "$calibrated" "$mse" 1 "$scratch/a.safetensors" > /dev/null
python3 "$src/tools/interpolate-models.py" "$calibrated" "$mse" 0 "$scratch/b.safetensors" > /dev/null
same_tensors "$scratch/a.safetensors" "$calibrated" || fail "alpha 1 is not A"
same_tensors "$scratch/b.safetensors" "$mse" || fail "alpha 0 is not B"
[ "$(config_field "$scratch/b.safetensors" unknown_source_condition)" = "0.25" ] || fail "interpolation lost A's config"
# Interpolating an interpolation keeps the first one's recipe in its record.
python3 "$src/tools/interpolate-models.py" "$scratch/a.safetensors" "$mse" 0.6 "$scratch/c.safetensors" > /dev/null
record="$(metadata_field "$scratch/c.safetensors" dualx.interpolation)"
expected="0.6 x (1 x $(basename "$calibrated") + 0 x $(basename "$mse")) + 0.4 x $(basename "$mse") (network interpolation)"
[ "$record" = "$expected" ] || fail "nested interpolation record: '$record', expected '$expected'"
# --part (on the small preset's committed training checkpoint, whichever stage it is, taken whole,
# and the MSE model): the upsampler's tensors take B's values at alpha 1, every other tensor A's;
# recorded; a prefix that names no tensor or a bad alpha is refused.
checkpoints=("$src"/models/checkpoints/small-*.safetensors)
[ -f "${checkpoints[0]}" ] || fail "no small-*.safetensors training checkpoint in models/checkpoints"
gan="$scratch/stage.safetensors"
python3 "$src/tools/interpolate-models.py" "$mse" "${checkpoints[0]}" 0 "$gan" > /dev/null
python3 "$src/tools/interpolate-models.py" "$gan" "$mse" 1 "$scratch/p.safetensors" --part upsampler=0 > /dev/null
python3 - "$scratch/p.safetensors" "$gan" "$mse" <<'PY' || fail "--part upsampler=0 did not take B's upsampler and A's rest"
import json, struct, sys
def tensors(path):
    data = open(path, "rb").read()
    size = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + size])
    return {name: data[8 + size + e["data_offsets"][0]:8 + size + e["data_offsets"][1]]
            for name, e in header.items() if name != "__metadata__"}
mixed, a, b = (tensors(path) for path in sys.argv[1:])
upsampler = [name for name in mixed if name.startswith("upsampler")]
assert upsampler and all(mixed[name] == b[name] for name in upsampler)
assert all(mixed[name] == a[name] for name in mixed if not name.startswith("upsampler"))
assert any(a[name] != b[name] for name in upsampler)
PY
case "$(metadata_field "$scratch/p.safetensors" dualx.interpolation)" in
  *"; upsampler: 0 x the first + 1 x the second (network interpolation)") ;;
  *) fail "--part not recorded: $(metadata_field "$scratch/p.safetensors" dualx.interpolation)" ;;
esac
for bad in nosuchlayer=0 upsampler=2 upsampler; do
  if message="$(python3 "$src/tools/interpolate-models.py" "$gan" "$mse" 1 "$scratch/bad.safetensors" --part "$bad" 2>&1)"; then
    fail "--part $bad was accepted"
  fi
  case "$message" in *interpolate-models:*) ;; *) fail "--part $bad: no clear error: $message" ;; esac
done
[ -e "$scratch/bad.safetensors" ] && fail "a refused interpolation wrote a file"
echo "model tools: ok"
