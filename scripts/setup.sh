#!/usr/bin/env bash
# Installs the Debian 12 packages zorgsim needs, and only those that are missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
# Usage: scripts/setup.sh [--no-gui] [--fuzz] [--mpi] [--browser] [--dev] [--package] [--windows]
#   The workshop GUI (zorgsim-gui) and its screenshot tests are built by default, so their
#   packages are installed by default; --no-gui (or ZORGSIM_SETUP_GUI=0) leaves them out
#   (cmake then builds without the GUI). --gui is still accepted. --fuzz adds clang with libFuzzer.
#   --mpi adds Open MPI (for cmake -DZORGSIM_WITH_MPI=ON and `mpirun ... zorgsim batch`);
#   --browser adds Chromium and poppler-utils, with which the batch test renders the HTML
#   report to a screenshot and a PDF (the test skips that part without them).
#   --dev adds clang-format (scripts/format.sh, checked in CI) and ccache for developers.
#   --package adds help2man and dpkg-dev (scripts/build-deb.sh: man pages, cpack -G DEB).
#   --windows adds MinGW-w64, zlib for MinGW, zip, Wine and the fonts (scripts/build-windows.sh,
#   scripts/test-windows.sh), and enables Debian's deb-src entries (a file of its own in
#   /etc/apt/sources.list.d) so `apt-get source` fetches GLFW, Dear ImGui and libxlsxwriter.
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

if [[ " $* " == *" --package "* ]]; then
  packages+=(help2man dpkg-dev fakeroot)
fi

windows_sources=/etc/apt/sources.list.d/zorgsim-deb-src.sources
need_update=0
if [[ " $* " == *" --windows "* ]]; then
  packages+=(g++-mingw-w64-x86-64-posix libz-mingw-w64-dev zip unzip wine wine64 dpkg-dev
             xvfb xauth fonts-dejavu-core)
  # deb-src for the suites the binary packages come from (Debian 12 keeps them in
  # debian.sources; the older sources.list format is read as well).
  if [[ ! -f $windows_sources ]] && ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    uri=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    sudo_tee=(tee)
    if [[ $(id -u) -ne 0 ]]; then sudo_tee=(sudo tee); fi
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "${uri:-http://deb.debian.org/debian}" | "${sudo_tee[@]}" "$windows_sources" >/dev/null
    need_update=1
  fi
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

if ((need_update)); then
  echo "setup: deb-src enabled ($windows_sources)"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
fi

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
