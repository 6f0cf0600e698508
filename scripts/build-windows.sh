#!/usr/bin/env bash
# Cross-compiles zorgsim.exe and zorgsim-gui.exe for 64-bit Windows with MinGW-w64 and packs
# the portable zip zorgsim-<version>-windows-x64.zip (programs, datasets, scenarios, README in
# Dutch and English, licences and attributions). Needs `bash scripts/setup.sh --windows` first
# (MinGW-w64, zlib for MinGW, deb-src entries for `apt-get source`).
#
# GLFW, Dear ImGui and libxlsxwriter are built for Windows from Debian's source packages
# (apt-get source glfw3 imgui libxlsxwriter, the versions Debian 12 ships); the header-only
# libraries come from the Debian -dev packages the Linux build uses (cmake/mingw/README.md).
# Everything lives under the build folder (default build-windows/), which is also the cache:
# a second run rebuilds only what changed.
#
# Usage: scripts/build-windows.sh [--tests] [--no-zip]
#   --tests   also build the Catch2 suites (zorgsim_tests.exe, zorgsim_batch_tests.exe) for
#             scripts/test-windows.sh
# Environment: ZORGSIM_WINDOWS_BUILD (build folder), SOURCE_DATE_EPOCH (default: the commit's
# time; fixes every timestamp in the zip, so two builds of one commit give the same bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$(realpath -m "${ZORGSIM_WINDOWS_BUILD:-build-windows}")
deps=$build/deps
src=$build/src
tests=OFF
zip=1
for a in "$@"; do
  case "$a" in
    --tests) tests=ON ;;
    --no-zip) zip=0 ;;
    *) echo "build-windows: unknown option $a" >&2; exit 2 ;;
  esac
done
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export TZ=UTC LC_ALL=C
triple=x86_64-w64-mingw32
toolchain=$root/cmake/mingw-w64.cmake
command -v $triple-g++-posix >/dev/null ||
  { echo "build-windows: $triple-g++-posix missing: run bash scripts/setup.sh --windows" >&2; exit 1; }
mkdir -p "$src" "$deps/include" "$deps/lib/pkgconfig"

# 1. Debian source packages (downloaded once, kept in the build folder).
fetch() {  # fetch PACKAGE DIR-GLOB
  if ! compgen -G "$src/$2" >/dev/null; then
    (cd "$src" && apt-get source -qq "$1" >/dev/null) || {
      echo "build-windows: apt-get source $1 failed: enable deb-src with bash scripts/setup.sh --windows" >&2
      exit 1
    }
  fi
  compgen -G "$src/$2" | head -1
}
glfw_src=$(fetch glfw3 'glfw3-*/')
imgui_src=$(fetch imgui 'imgui-*/')
xlsx_src=$(fetch libxlsxwriter 'libxlsxwriter-*/')

# 2. Header-only libraries from Debian's -dev packages: only their own folders.
for h in eigen3 boost nlohmann fmt toml++ CLI catch2 stb; do
  [[ -e /usr/include/$h ]] || { echo "build-windows: /usr/include/$h missing: run bash scripts/setup.sh" >&2; exit 1; }
  ln -sfn "/usr/include/$h" "$deps/include/$h"
done

cross_cmake() {  # cross_cmake SRC BUILD [cmake options]
  local s=$1 b=$2
  shift 2
  cmake -S "$s" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$deps" -DZORGSIM_WINDOWS_DEPS="$deps" "$@" >/dev/null
  cmake --build "$b" -j2 >/dev/null
  cmake --install "$b" >/dev/null
}

# 3. GLFW (static), Dear ImGui (static, GLFW + OpenGL 3 backends), libxlsxwriter (static, its
# bundled minizip, zlib from libz-mingw-w64-dev), stb_image_write's implementation.
[[ -f $deps/lib/libglfw3.a ]] || cross_cmake "$glfw_src" "$build/glfw" -DBUILD_SHARED_LIBS=OFF \
  -DGLFW_BUILD_EXAMPLES=OFF -DGLFW_BUILD_TESTS=OFF -DGLFW_BUILD_DOCS=OFF
[[ -f $deps/lib/libxlsxwriter.a ]] || cross_cmake "$xlsx_src" "$build/xlsxwriter" \
  -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF -DUSE_SYSTEM_MINIZIP=OFF \
  -DZLIB_ROOT=/usr/$triple
# exp, log, pow, log10, sin and cos: zorgsim's own copy of musl's (third_party/musl-libm), built
# with the programs as on Linux (sim/portable_math.hpp), not MinGW-w64's.
if [[ ! -f $deps/lib/libimgui.a || $root/cmake/mingw/build-imgui.cmake -nt $deps/lib/libimgui.a ]]; then
  cmake -DIMGUI_SRC="$imgui_src" -DDEPS="$deps" -P "$root/cmake/mingw/build-imgui.cmake"
fi

# 4. zorgsim itself, as a package build (data found next to the program).
targets=(zorgsim zorgsim-gui)
# ccache (setup.sh --dev) with its cache inside the build folder, which CI may keep.
launcher=()
if command -v ccache >/dev/null && [[ -z ${ZORGSIM_NO_CCACHE:-} ]]; then
  export CCACHE_DIR=${CCACHE_DIR:-$build/ccache} CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
[[ $tests == ON ]] && targets+=(zorgsim_tests zorgsim_batch_tests zorgsim_analyses_tests)
cmake -S "$root" -B "$build/zorgsim" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
  -DZORGSIM_WINDOWS_DEPS="$deps" -DZORGSIM_PACKAGE=ON -DZORGSIM_BUILD_TESTS=$tests \
  -DZORGSIM_BUILD_BENCH=OFF -DZORGSIM_BUILD_GUI=ON "${launcher[@]}" >/dev/null
cmake --build "$build/zorgsim" -j2 --target "${targets[@]}"
[[ $zip == 1 ]] || exit 0

# 5. The portable zip: fixed timestamps, sorted names, no extra attributes (zip -X).
version=$(sed -n 's/^project(zorgsim VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
name=zorgsim-$version-windows-x64
stage=$build/stage/$name
rm -rf "$build/stage" && mkdir -p "$stage"
cp "$build/zorgsim/cli/zorgsim.exe" "$build/zorgsim/gui/zorgsim-gui.exe" "$stage/"
$triple-strip "$stage"/*.exe
mkdir -p "$stage/data"
cp -r "$root/data/gelderland" "$root/data/nederland" "$stage/data/"
cp "$root/data/LAYOUT.md" "$stage/data/"
cp -r "$root/scenarios" "$stage/scenarios"
mkdir -p "$stage/fonts"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$stage/fonts/"
cp "$root/README.md" "$stage/README-ontwikkelaars.md"
cp "$root/packaging/windows/LEESMIJ.txt" "$root/packaging/windows/README.txt" "$stage/"
bash "$root/scripts/third-party-licences.sh" "$stage/licences" windows
# Text files with Windows line ends for Notepad; the data files stay as they are.
for f in "$stage"/LEESMIJ.txt "$stage"/README.txt "$stage"/licences/*.txt; do sed -i 's/\r*$/\r/' "$f"; done
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
rm -f "$build/$name.zip"
(cd "$build/stage" && find "$name" -print | sort | zip -X -D -q -9 "$build/$name.zip" -@)
ls -l "$build/$name.zip"
sha256sum "$build/$name.zip"
