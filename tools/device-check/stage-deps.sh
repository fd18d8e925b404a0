#!/usr/bin/env bash
# Copies what a GPU machine without our Debian packages needs to build dualx_nn (nlohmann-json's
# headers and CMake package) into .devdeps/, which git ignores and the device run carries.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf .devdeps
mkdir -p .devdeps/include .devdeps/share/cmake
cp -r /usr/include/nlohmann .devdeps/include/
cp -r /usr/share/cmake/nlohmann_json .devdeps/share/cmake/
du -sh .devdeps
