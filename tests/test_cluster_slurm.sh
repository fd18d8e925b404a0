#!/usr/bin/env bash
# dualx cluster on a real one-machine Slurm (munged + slurmctld + slurmd started here from
# tools/cluster/local-slurm.sh, config in a temporary folder). A batch of 3 small clips plus
# one clip split into 3 ranges; every output must be frame-identical (framemd5, video and
# audio) to `dualx upscale` run locally with the same options. The first task is killed with
# `scancel --signal=KILL` mid-run: the batch's finishing job requeues it and it resumes from its
# segments. Also: the errors for an unknown partition and a missing sbatch, status, resubmit.
# Usage: test_cluster_slurm.sh SOURCE_DIR DUALX
set -euo pipefail
src="$1"
dualx="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
scratch="$(mktemp -d)"
cluster="$scratch/slurm"
cleanup() {
  bash "$src/tools/cluster/local-slurm.sh" stop "$cluster" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  for log in "$scratch"/out/.dualx-batch/logs/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; cat "$log" >&2; }; done
  exit 1
}

# The daemons first: if they cannot start, say why (the script prints their logs).
eval "$(bash "$src/tools/cluster/local-slurm.sh" start "$cluster" --cpus 2)" || fail "the local Slurm cluster did not start"
export SLURM_CONF

# Media: three clips shorter than two ranges (the first, larger one is the task that gets
# killed), and one of 6 s to split into three 2-second ranges.
mkdir -p "$scratch/in"
ffmpeg -v error -f lavfi -i "mandelbrot=size=192x108:rate=12" -f lavfi -i "sine=f=330:d=4" -t 3.5 \
  -c:v libx264 -pix_fmt yuv420p -c:a aac "$scratch/in/a-killed.mp4"
ffmpeg -v error -f lavfi -i "testsrc2=size=64x36:rate=12" -f lavfi -i "sine=f=440:d=2" -t 2 \
  -c:v libx264 -pix_fmt yuv420p -c:a aac "$scratch/in/b-small.mp4"
ffmpeg -v error -f lavfi -i "smptebars=size=64x36:rate=15,hue=H=2*PI*t/2" -t 2 \
  -c:v libx264 -pix_fmt yuv420p "$scratch/in/c-small.mkv"
ffmpeg -v error -f lavfi -i "testsrc=size=64x36:rate=12" -f lavfi -i "sine=f=550:d=6" -t 6 \
  -c:v libx264 -pix_fmt yuv420p -c:a aac "$scratch/in/d-split.mp4"

options=(--preset archive-ffv1 --frames 8 --frame-overlap 2 --segment-frames 8)

# Clear errors before anything is submitted.
if out=$("$dualx" cluster submit "$scratch/in" -o "$scratch/bad" --partition nosuch "${options[@]}" 2>&1); then
  fail "an unknown partition was accepted"
fi
grep -q "partition 'nosuch' does not exist (this cluster has: local)" <<<"$out" || fail "unknown partition: $out"
if out=$(PATH=/nonexistent "$dualx" cluster submit "$scratch/in" -o "$scratch/bad" "${options[@]}" 2>&1); then
  fail "a submission without Slurm's commands was accepted"
fi
grep -q "slurm-client" <<<"$out" || fail "missing sbatch: $out"
[ ! -e "$scratch/bad/.dualx-batch" ] || fail "a refused submission left a batch folder"

"$dualx" cluster submit "$scratch/in" -o "$scratch/out" --split-seconds 2 --cpus-per-task 1 --max-parallel 2 \
  "${options[@]}" | tee "$scratch/submit.txt"
grep -q "submitted 4 file(s) as 6 task(s)" "$scratch/submit.txt" || fail "expected 4 files in 6 tasks (d-split in 3 ranges)"

# Kill the first task once it has finished segments (state file written while it runs).
state="$scratch/out/.dualx-batch/state/task-00000.json"
killed=""
for _ in $(seq 600); do
  if [ -f "$state" ] && python3 -c "import json,sys; s=json.load(open(sys.argv[1])); sys.exit(0 if s['state']=='running' and s['frames_done']>=16 else 1)" "$state"; then
    job=$(squeue -h -r -o "%i %K" | awk '$2 == 0 { print $1; exit }')
    [ -n "$job" ] || fail "task 0 runs but squeue does not list it"
    scancel --signal=KILL "$job"
    killed=$job
    break
  fi
  sleep 0.2
done
[ -n "$killed" ] || fail "task 0 never reached 16 frames while running"
echo "killed $killed mid-run"

for _ in $(seq 600); do
  status=$("$dualx" cluster status "$scratch/out" --json)
  python3 -c "import json,sys; sys.exit(0 if json.loads(sys.argv[1])['finished'] else 1)" "$status" && break
  sleep 1
done
"$dualx" cluster status "$scratch/out" | tee "$scratch/status.txt"
grep -q "4 done (finished)" "$scratch/status.txt" || fail "the batch did not finish with 4 files done"
grep -q "attempt 2 of 3" "$scratch/out/.dualx-batch/logs/task-0.log" || fail "task 0 was not run again"
grep -q "resumed after frame" "$scratch/out/.dualx-batch/logs/task-0.log" || fail "task 0 did not resume from its segments"
grep -q "joined .*in/d-split.mkv: 72 frames from 3 parts" "$scratch"/out/.dualx-batch/logs/finish-*.log || fail "d-split was not joined from 3 parts"

# Frame-identical to local runs of the whole files.
for clip in a-killed b-small c-small d-split; do
  input=$(ls "$scratch/in/$clip".*)
  "$dualx" upscale "$input" -o "$scratch/local-$clip.mkv" --threads 1 --progress none "${options[@]}" >/dev/null
  # A folder input keeps its name under the output folder.
  for file in "$scratch/local-$clip.mkv" "$scratch/out/in/$clip.mkv"; do
    ffmpeg -v error -i "$file" -f framemd5 - | grep -v '^#' >"$file.md5"
  done
  [ -s "$scratch/local-$clip.mkv.md5" ] || fail "no frames in the local run of $clip"
  cmp -s "$scratch/local-$clip.mkv.md5" "$scratch/out/in/$clip.mkv.md5" || fail "$clip differs from the local run"
  echo "$clip: $(grep -c . "$scratch/out/in/$clip.mkv.md5") frames (video and audio) identical to the local run"
done
[ -z "$(ls -A "$scratch/out/.dualx-batch/parts")" ] || fail "split parts were left behind after the join"

# Nothing left to resubmit once everything is done.
if out=$("$dualx" cluster resubmit "$scratch/out" --failed 2>&1); then fail "resubmit found work in a finished batch"; fi
grep -q "nothing to resubmit" <<<"$out" || fail "resubmit: $out"
echo "PASS"
