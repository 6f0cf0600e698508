#!/usr/bin/env bash
# Collects the licences of what a zorgsim package contains into DEST (one text file per
# component, from Debian's copyright files, which name each upstream licence in full) and an
# ATTRIBUTION.txt for the data. Usage: scripts/third-party-licences.sh DEST windows|deb
# (windows adds the libraries linked into the .exe files and the fonts shipped with them).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$1
kind=${2:-windows}
mkdir -p "$dest"
copy() {  # copy NAME FILE
  [[ -f $2 ]] || { echo "third-party-licences: $2 missing" >&2; exit 1; }
  cp "$2" "$dest/$1.txt"
}
# Header-only libraries compiled into both programs.
copy eigen3 /usr/share/doc/libeigen3-dev/copyright
copy boost /usr/share/doc/libboost-dev/copyright
copy tomlplusplus /usr/share/doc/libtomlplusplus-dev/copyright
copy cli11 /usr/share/doc/libcli11-dev/copyright
copy nlohmann-json /usr/share/doc/nlohmann-json3-dev/copyright
copy fmt /usr/share/doc/libfmt-dev/copyright
# exp/log/pow/log10/sin/cos compiled into every program (third_party/musl-libm).
copy musl-libm third_party/musl-libm/COPYRIGHT
if [[ $kind == windows ]]; then
  src=${ZORGSIM_WINDOWS_BUILD:-build-windows}/src
  copy glfw "$(compgen -G "$src/glfw3-*/debian/copyright" | head -1)"
  copy dear-imgui "$(compgen -G "$src/imgui-*/debian/copyright" | head -1)"
  copy libxlsxwriter "$(compgen -G "$src/libxlsxwriter-*/debian/copyright" | head -1)"
  copy stb /usr/share/doc/libstb-dev/copyright
  copy zlib /usr/share/doc/libz-mingw-w64-dev/copyright
  copy mingw-w64-runtime /usr/share/doc/mingw-w64-x86-64-dev/copyright
  copy gcc-runtime-libraries /usr/share/doc/gcc-mingw-w64-base/copyright
  copy dejavu-fonts /usr/share/doc/fonts-dejavu-core/copyright
fi
cat > "$dest/ATTRIBUTION.txt" <<'TXT'
zorgsim: attributions

Data. The datasets in data/gelderland and data/nederland are derived from Statistics
Netherlands (CBS) StatLine tables, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),
and from the other sources each dataset lists, with its tables, licences and every derivation
step, in data/gelderland/SOURCES.md and data/nederland/SOURCES.md. Results computed with
zorgsim from these data are the user's; cite CBS as the source of the input data.

Software. The programs contain the libraries whose licences are in this folder, one file each
(Debian's copyright files of the packages the build used).
TXT
