#!/usr/bin/env bash
# tools/training-data/make-pattern-photos.py: the pictures have the asked size, hold fine
# structure (not flat), are the same for a seed and differ between seeds, no partial file is
# left, and bad arguments are named. Usage: test_training_patterns.sh SOURCE_DIR
set -euo pipefail
src="$1"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
make() { /usr/bin/python3 "$src/tools/training-data/make-pattern-photos.py" "$@" > /dev/null; }

make "$scratch/a" --count 4 --size 96x64 --seed 5
make "$scratch/b" --count 4 --size 96x64 --seed 5
make "$scratch/c" --count 4 --size 96x64 --seed 6
[ "$(ls "$scratch/a" | wc -l)" -eq 4 ] || fail "expected 4 pictures: $(ls "$scratch/a")"
ls "$scratch/a" | grep -q partial && fail "a partial file was left"
/usr/bin/python3 - "$scratch/a" <<'PY' || fail "pictures are the wrong size or flat"
import cv2, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.png")):
    image = cv2.imread(path)
    assert image.shape == (64, 96, 3), (path, image.shape)
    # Fine structure: neighbouring pixels differ, on average, by more than a few levels.
    step = abs(image[:, 1:].astype(int) - image[:, :-1].astype(int)).mean()
    assert step > 3, (path, step)
PY
for f in "$scratch"/a/*.png; do cmp -s "$f" "$scratch/b/$(basename "$f")" || fail "$(basename "$f") differs for the same seed"; done
cmp -s "$scratch/a/pattern-000.png" "$scratch/c/pattern-000.png" && fail "seeds 5 and 6 gave the same picture"
for bad in "--size 10x10" "--size wide" "--count 0"; do
  # shellcheck disable=SC2086
  if message="$(make "$scratch/d" $bad 2>&1)"; then fail "$bad was accepted"; fi
  case "$message" in *make-pattern-photos:*) ;; *) fail "$bad: no clear error: $message" ;; esac
done
echo "training patterns: ok"
