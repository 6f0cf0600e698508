#!/usr/bin/env bash
# CI's reduced Windows stage: compiles sim/platform_windows.cpp and the atomic-output code (with
# the SHA-256 it hashes each file with) with MinGW-w64 into tests/windows/platform_check.cpp's program and runs it under Wine in
# C:\users\Gebruiker Één (needs `bash scripts/setup.sh --windows`).
# Usage: tests/windows/platform_check.sh [BUILD-FOLDER]   (default build-windows-check)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=$(realpath -m "${1:-build-windows-check}")
mkdir -p "$build/generated/sim"
# The generated header the sim sources include (values unused by the checked code).
sed 's/@[A-Z_]*@//g' sim/version.hpp.in >"$build/generated/sim/version.hpp"
x86_64-w64-mingw32-g++-posix -std=c++20 -O1 -I. -I"$build/generated" -D_WIN32_WINNT=0x0A00 \
  tests/windows/platform_check.cpp sim/platform_windows.cpp sim/atomic_output.cpp \
  sim/atomic_folder.cpp sim/output_folder.cpp sim/sha256.cpp -static -o "$build/platform_check.exe"
export WINEPREFIX=${WINEPREFIX:-$build/wineprefix} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
[[ -d $WINEPREFIX/drive_c ]] || { wineboot --init >/dev/null 2>&1 || true; wineserver -w || true; }
wine "$build/platform_check.exe" 'C:\users' 'Één' | tr -d '\r'
