#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with AddressSanitizer and UndefinedBehaviorSanitizer)
# and runs each one until it has executed RUNS inputs or spent SECONDS, whichever comes first,
# starting from the committed seed corpus (fuzz/corpus/TARGET) plus what earlier runs found
# (BUILD_DIR/corpus/TARGET). A crash, sanitizer report, leak, timeout (10 s per input) or
# out-of-memory (4 GB) stops that target and leaves the input in BUILD_DIR/findings/. Prints a
# Markdown table of executions, time, corpus size and findings per target (docs/reliability.md).
#
# usage: tools/reliability/fuzz.sh [--runs N] [--seconds S] [--build DIR] [--out FILE] [TARGET...]
# Defaults: 1,000,000 runs or 1800 s per target; every target (safetensors export_preset recipe
# segment_journal media_probe). Installs clang-14 and libclang-rt-14-dev when missing (as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=1000000 seconds=1800 build=$root/build-fuzz out=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(safetensors export_preset recipe segment_journal media_probe)
for t in "${targets[@]}"; do
  [ -f "$root/fuzz/fuzz_$t.cpp" ] || { echo "fuzz.sh: no fuzz target '$t' (fuzz/fuzz_$t.cpp)" >&2; exit 2; }
done

if ! command -v clang++-14 >/dev/null \
   || ! compgen -G "/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev
fi

cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export LSAN_OPTIONS="suppressions=$root/tools/reliability/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export DUALX_FUZZ_DIR=$(mktemp -d /dev/shm/dualx-fuzz.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$DUALX_FUZZ_DIR"' EXIT

table="| target | executions | seconds | corpus (files) | findings |
|---|---|---|---|---|"
status=0
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t findings=$build/findings
  mkdir -p "$corpus" "$findings"
  log=$build/fuzz_$t.log
  set +e
  start=$(date +%s)
  "$build/fuzz_$t" -runs="$runs" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$findings/$t-" "$corpus" "$root/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  files=$(find "$corpus" -type f | wc -l)
  if [ $rc -eq 0 ]; then found=0; else found="1 (exit $rc, $(ls -t "$findings"/"$t"-* 2>/dev/null | head -1))"; status=1; fi
  table+="
| $t | ${execs:-?} | $elapsed | $files | $found |"
  echo "fuzz.sh: $t: ${execs:-?} executions in ${elapsed} s, findings: $found (log $log)" >&2
done
echo "$table"
[ -z "$out" ] || echo "$table" >"$out"
exit $status
