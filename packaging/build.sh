#!/usr/bin/env bash
# Configures and builds DualX Studio into build/ (incremental: reruns only what changed).
# Usage: packaging/build.sh [extra cmake -D options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DUALX_BUILD_DIR:-$root/build}"
generator=()
if command -v ninja >/dev/null 2>&1 && [ ! -f "$build/Makefile" ]; then generator=(-G Ninja); fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
jobs="${DUALX_BUILD_JOBS:-$(nproc)}"
cmake --build "$build" --parallel "$jobs"
