#!/usr/bin/env bash
# Everything from a fresh Debian 12 machine to a full test run: install the system packages,
# build, run every test (ctest, all areas). Extra arguments go to ctest (e.g. -L model).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DUALX_BUILD_DIR:-$root/build}"
bash "$root/packaging/install-deps.sh"
bash "$root/packaging/build.sh"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" "$@"
