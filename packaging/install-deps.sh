#!/usr/bin/env bash
# Installs every system package DualX Studio needs to build, test and run on Debian 12.
# Idempotent and non-interactive: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  # LibTorch 1.13 from Debian; the OpenMP OpenBLAS replaces the reference BLAS
  # (several times faster matrix products on this machine).
  libtorch-dev libopenblas0-openmp
  # Qt 6: Core, Test, Sql (SQLite driver), Widgets, Linguist tools.
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # FFmpeg 5.1 libraries and the command-line tool (tests compare against its filters).
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev libavfilter-dev ffmpeg
  # OpenCV 4.6 with contrib (quality module for BRISQUE) and its data files.
  libopencv-dev libopencv-contrib-dev opencv-data
  nlohmann-json3-dev
  # The validation-set builder (tools/validation) and the tools beside it; its test runs in CI.
  python3
  # The GPU machine's unpackers (tools/device-check/unpack-*.py: numpy and cv2), tested here.
  python3-numpy python3-opencv
  # Cluster batches: Slurm's client commands; the daemons and munge for its test, which starts
  # a one-machine cluster in a temporary folder (tools/cluster/local-slurm.sh).
  slurm-client slurmctld slurmd munge
  # Packaging: CPack's Debian generator (dpkg-shlibdeps, file) and the metainfo check.
  dpkg-dev file appstream
  # The code's format (.clang-format), checked by the test suite.
  clang-format-14
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
