#!/usr/bin/env bash
# Builds DualX Studio with AddressSanitizer and UndefinedBehaviorSanitizer (our code; LibTorch,
# FFmpeg, OpenCV and Qt stay as Debian ships them) in its own build folder and runs the engine,
# pipeline, video and metrics tests and the CLI tests (dualx upscale, model, train) under them;
# only what those tests run is built. Any report fails the test that triggered it
# (halt_on_error). Leaks inside the uninstrumented libraries are suppressed by
# tools/reliability/lsan.supp; ours are not.
#
# usage: tools/reliability/sanitize.sh [BUILD_DIR] [-- extra ctest arguments]
# Default BUILD_DIR: build-sanitize. Takes about 2 hours on 2 cores from a clean folder (most of
# it the build: instrumented code compiles at about a minute per file).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-sanitize}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDUALX_SANITIZE=address,undefined \
      -DDUALX_BUILD_GUI=OFF
# The tests to run, by name: every test labelled engine, pipeline, video or metrics, and the
# CLI tests of the other areas.
tests=$(cd "$build" && { ctest -N -L 'engine|pipeline|video|metrics'; ctest -N -R '^test_[a-z]+_cli$'; } \
        | sed -n 's/^ *Test *#[0-9]*: *\(test_[a-z0-9_]*\)$/\1/p' | sort -u)
[ -n "$tests" ] || { echo "sanitize.sh: no tests found in $build" >&2; exit 1; }
# Their executables (script tests have none), and the programs the CLI and script tests run.
targets=$(ninja -C "$build" -t targets all | sed -n 's/^\(test_[a-z0-9_]*\): phony$/\1/p' | grep -Fxf <(echo "$tests") || true)
cmake --build "$build" -j "$(nproc)" --target dualx dualx-device-check $targets

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tools/reliability/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" -R "^($(echo $tests | tr ' ' '|'))\$" "$@"
