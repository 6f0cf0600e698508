#!/usr/bin/env bash
# Installs the Debian 12 packages zorgsim needs, and only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
# Usage: scripts/setup.sh [--gui] [--fuzz]
#   --gui  adds the GUI and screenshot-test packages; --fuzz adds clang with libFuzzer.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libeigen3-dev libboost-random-dev libboost-dev
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  catch2
)
if [[ " $* " == *" --gui "* || "${ZORGSIM_SETUP_GUI:-0}" == "1" ]]; then
  packages+=(libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core xvfb xauth)
fi

if [[ " $* " == *" --fuzz "* ]]; then
  packages+=(clang libclang-rt-14-dev)
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
