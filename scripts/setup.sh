#!/usr/bin/env bash
# Installs the Debian 12 packages zorgsim needs, and only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
# Usage: scripts/setup.sh [--no-gui] [--fuzz] [--mpi] [--browser] [--dev]
#   The workshop GUI (zorgsim-gui) and its screenshot tests are built by default, so their
#   packages are installed by default; --no-gui (or ZORGSIM_SETUP_GUI=0) leaves them out
#   (cmake then builds without the GUI). --gui is still accepted. --fuzz adds clang with libFuzzer.
#   --mpi adds Open MPI (for cmake -DZORGSIM_WITH_MPI=ON and `mpirun ... zorgsim batch`);
#   --browser adds Chromium and poppler-utils, with which the batch test renders the HTML
#   report to a screenshot and a PDF (the test skips that part without them).
#   --dev adds clang-format (scripts/format.sh, checked in CI) and ccache for developers.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libeigen3-dev libboost-random-dev libboost-dev
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  catch2 libxlsxwriter-dev
  python3-minimal  # tests/cli/test_cli.sh: delivers a SIGTERM at start-up without timing
)
if [[ " $* " != *" --no-gui "* && "${ZORGSIM_SETUP_GUI:-1}" != "0" ]]; then
  packages+=(libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core xvfb xauth)
fi

if [[ " $* " == *" --fuzz "* ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

if [[ " $* " == *" --dev "* ]]; then
  packages+=(clang-format ccache)
fi

if [[ " $* " == *" --mpi "* ]]; then
  packages+=(libopenmpi-dev openmpi-bin)
fi

if [[ " $* " == *" --browser "* ]]; then
  packages+=(chromium poppler-utils)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
