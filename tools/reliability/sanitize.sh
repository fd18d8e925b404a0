#!/usr/bin/env bash
# Builds DualX Studio with AddressSanitizer and UndefinedBehaviorSanitizer (our code; LibTorch,
# FFmpeg, OpenCV and Qt stay as Debian ships them) in its own build folder and runs the engine,
# pipeline, video, metrics, model and training tests under them, the CLI tests included. Any
# report fails the test that triggered it (halt_on_error). Leaks inside the uninstrumented
# libraries are suppressed by tools/reliability/lsan.supp; ours are not.
#
# usage: tools/reliability/sanitize.sh [BUILD_DIR] [-- extra ctest arguments]
# Default BUILD_DIR: build-sanitize. Takes about 40 minutes on 2 cores (most of it the build).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-sanitize}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDUALX_SANITIZE=address,undefined \
      -DDUALX_BUILD_GUI=OFF
cmake --build "$build" -j "$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tools/reliability/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" -L 'engine|pipeline|video|metrics|model|train|report' "$@"
