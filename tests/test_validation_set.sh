#!/usr/bin/env bash
# The validation-set builder end to end on a generated source: a fake unpacked package holding a
# 4:3 anamorphic clip (SAR 4:3 -> shown 4/3 wider) and an image sequence, a manifest with both
# FFmpeg families and two computed ones; checks frame counts, sizes (square pixels, sides
# divisible by 8, fitted into the limit), that the inputs are a quarter of the ground truth and
# differ from it as their chains say, that a rebuild is identical (seeded), and that
# `dualx benchmark --validation` scores every clip x family. Usage: test_validation_set.sh SOURCE_DIR DUALX
set -euo pipefail
src="$1"
dualx="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

pkg="$scratch/sources/fake-package/usr/share/clips"
mkdir -p "$pkg/seq"
ffmpeg -v error -f lavfi -i "testsrc2=size=240x180:rate=25" -vf setsar=4/3 -frames:v 14 -c:v libx264 -crf 18 "$pkg/wide.mp4"
ffmpeg -v error -f lavfi -i "mandelbrot=size=200x120:rate=25" -frames:v 10 -start_number 3 "$pkg/seq/f%03d.png"
python3 - "$src/resources/validation/manifest.json" "$scratch/manifest.json" <<'PY'
import json, sys
real = json.load(open(sys.argv[1]))
families = [f for f in real["families"] if f["id"] in ("plain", "home", "clean", "training")]
clips = [
    {"name": "wide", "package": "fake-package", "path": "usr/share/clips/wide.mp4", "start_frame": 2, "content": "anamorphic"},
    {"name": "seq", "package": "fake-package", "path": "usr/share/clips/seq/f%03d.png", "start_frame": 1,
     "image_sequence": {"start_number": 3, "framerate": 25}, "max_gt": [96, 96], "content": "image sequence"},
]
json.dump({"name": "test-set", "frames": 8, "max_gt": [320, 160], "seed": 7, "families": families,
           "summary": real["summary"], "clips": clips}, open(sys.argv[2], "w"))
PY
build() { python3 "$src/tools/validation/build-validation-set.py" --manifest "$scratch/manifest.json" --sources "$scratch/sources" --out "$1" > /dev/null; }
build "$scratch/set"
[ -d "$scratch/set.partial" ] && fail "a partial build was left behind"
count() { ls "$1"/*.png | wc -l; }
size() { ffprobe -v error -show_entries stream=width,height -of csv=p=0 "$1"; }
for clip in wide seq; do
  for family in gt plain home; do
    [ "$(count "$scratch/set/$clip/$family")" -eq 8 ] || fail "$clip/$family: $(count "$scratch/set/$clip/$family") frames, expected 8"
  done
done
# 240x180 at SAR 4:3 shows as 320x180, fitted into 320x160: 284x160 -> 280x160 (divisible by 8).
[ "$(size "$scratch/set/wide/gt/0001.png")" = "280,160" ] || fail "wide ground truth is $(size "$scratch/set/wide/gt/0001.png")"
[ "$(size "$scratch/set/wide/plain/0001.png")" = "70,40" ] || fail "wide plain input is $(size "$scratch/set/wide/plain/0001.png")"
[ "$(size "$scratch/set/seq/gt/0001.png")" = "96,56" ] || fail "seq ground truth is $(size "$scratch/set/seq/gt/0001.png")"
python3 - "$scratch/set/manifest.json" <<'PY' || fail "built manifest"
import json, sys
m = json.load(open(sys.argv[1]))
assert [c["name"] for c in m["clips"]] == ["wide", "seq"]
plain = m["clips"][0]["inputs"]["plain"]
assert "H.264 CRF" in plain["plan"] and 24 <= plain["parameters"]["crf"] <= 36, plain
assert "interlaced MPEG-2" in m["clips"][0]["inputs"]["home"]["plan"]
PY
# Seeded: a rebuild gives the same ground truth and the same drawn parameters.
build "$scratch/again"
cmp -s "$scratch/set/manifest.json" "$scratch/again/manifest.json" || fail "rebuild drew other parameters"
cmp -s "$scratch/set/wide/gt/0005.png" "$scratch/again/wide/gt/0005.png" || fail "rebuild gave another ground truth"
# A missing source is named with the package it comes from.
rm "$pkg/wide.mp4"
if build "$scratch/broken" 2> "$scratch/err"; then fail "built without a source"; fi
grep -q "fake-package" "$scratch/err" || fail "error does not name the package: $(cat "$scratch/err")"
[ -d "$scratch/broken" ] && fail "a failed build left a set"

"$dualx" benchmark --validation "$scratch/set" --models "$src/models/dualx-small-mse.safetensors" --metrics psnr,periodic \
  --tile 64 --out "$scratch/report" > "$scratch/bench.log" 2>&1 || { cat "$scratch/bench.log"; fail "benchmark"; }
python3 - "$scratch/report/results.json" <<'PY' || fail "benchmark rows"
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
assert len(rows) == 2 * 4 * 3, len(rows)  # clips x families x (bicubic, lanczos, model)
assert {r["degradation"] for r in rows} == {"training", "plain", "home", "clean"}
assert all(r["scores"]["psnr"] > 10 and r["scores"]["periodic"] > 0 for r in rows)
PY
grep -q "Validation set \*\*test-set\*\*" "$scratch/report/results.md" || fail "report heading"
echo "validation set: 2 clips x 4 families built, rebuilt identically, benchmarked"
