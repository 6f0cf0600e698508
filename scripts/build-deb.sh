#!/usr/bin/env bash
# Builds the Debian package zorgsim_<version>_amd64.deb with CPack (cmake/packaging.cmake):
# /usr/bin/zorgsim and zorgsim-gui, the datasets and scenarios under /usr/share/zorgsim, a
# desktop entry and icon, man pages from --help. Needs `bash scripts/setup.sh --package`.
# SOURCE_DATE_EPOCH (default: the commit's time) fixes every timestamp, and the package build
# keeps the build folder out of the binaries, so two builds of one commit give the same bytes.
# Usage: scripts/build-deb.sh [BUILD-FOLDER]   (default build-deb; the .deb is left there)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-deb}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export TZ=UTC LC_ALL=C
# ccache, when installed (setup.sh --dev), with its cache in the repository's build area
# (build-ccache/), so a second package build (the reproducibility check) is quick.
launcher=()
if command -v ccache >/dev/null && [[ -z ${ZORGSIM_NO_CCACHE:-} ]]; then
  export CCACHE_DIR=${CCACHE_DIR:-$PWD/build-ccache} CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DZORGSIM_PACKAGE=ON \
  -DZORGSIM_BUILD_TESTS=OFF -DZORGSIM_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j2
# Installed files get the commit's time, so the package's tar members carry it too.
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/zorgsim_*.deb)
ls -l "$deb"
sha256sum "$deb"
