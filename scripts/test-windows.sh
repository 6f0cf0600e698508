#!/usr/bin/env bash
# Tests the Windows build under Wine (Debian wine64), after
#   bash scripts/build-windows.sh --tests
# 1. the Catch2 suite built for Windows (zorgsim_tests.exe), the sim/platform tests included
#    (rename over an existing file, a file held open as Excel does, the folder lock);
# 2. `zorgsim.exe run` writes a results.csv byte-identical to the Linux build's, into
#    C:\users\Gebruiker Één\Documenten\zorgsim (backslashes, a space, non-ASCII);
# 3. a second run replaces the results (rename over existing files); a missing scenario file
#    and a CSV saved by Excel (semicolons, BOM, CRLF, Windows-1252) give located errors or are
#    read; 4. zorgsim-gui.exe starts under Xvfb and writes its scripted screenshots.
# Usage: scripts/test-windows.sh [LINUX-ZORGSIM]  (default build/cli/zorgsim)
# Prints "windows: N passed, N failed"; exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$(realpath -m "${ZORGSIM_WINDOWS_BUILD:-build-windows}")
bin=$build/zorgsim
linux=$(realpath "${1:-build/cli/zorgsim}")
export WINEPREFIX=${WINEPREFIX:-$build/wineprefix} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LC_ALL=C.UTF-8
pass=0 fail=0
ok() { echo "ok: $1"; pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
wine_run() { wine "$@"; }
[[ -d $WINEPREFIX/drive_c ]] || { wineboot --init >/dev/null 2>&1; wineserver -w; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The Catch2 suite.
start=$(date +%s.%N)
if wine_run "$bin/tests/zorgsim_tests.exe" >"$work/catch.log" 2>&1; then
  ok "zorgsim_tests.exe: $(grep -a 'All tests passed\|test cases' "$work/catch.log" | tail -1 | tr -d '\r')"
else
  bad "zorgsim_tests.exe: $(grep -a 'test cases' "$work/catch.log" | tail -1 | tr -d '\r')"
  grep -a -B2 -A12 'FAILED' "$work/catch.log" | head -80
fi
echo "  (suite time under Wine: $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}") s)"

# 2. results.csv identical to Linux, into a Dutch user folder.
dutch='C:\users\Gebruiker Één\Documenten\zorgsim'
dutch_unix="$WINEPREFIX/drive_c/users/Gebruiker Één/Documenten/zorgsim"
rm -rf "$WINEPREFIX/drive_c/users/Gebruiker Één"
"$linux" run --quiet --out "$work/linux" >/dev/null 2>&1 || bad "Linux zorgsim run failed"
t0=$(date +%s.%N)
"$linux" run --quiet --out "$work/linux2" >/dev/null 2>&1
t1=$(date +%s.%N)
wine_run "$bin/cli/zorgsim.exe" run --quiet --out "$dutch" >"$work/run.out" 2>&1
status=$?
t2=$(date +%s.%N)
echo "  (zorgsim run: Linux $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s, Wine $(awk "BEGIN{printf \"%.1f\", $t2 - $t1}") s incl. Wine start)"
[[ $status == 0 ]] && ok "zorgsim.exe run into $dutch" || bad "zorgsim.exe run: status $status: $(tail -3 "$work/run.out")"
n=0
while IFS= read -r f; do
  rel=${f#"$work/linux/"}
  if cmp -s "$f" "$dutch_unix/$rel"; then n=$((n + 1)); else bad "$rel differs from Linux"; fi
done < <(find "$work/linux" -name '*.csv' | sort)
found=$(find "$work/linux" -name results.csv | head -1)
[[ -n $found && $n -gt 0 ]] && ok "$n CSV files byte-identical to Linux (results.csv among them)" || bad "no CSV compared"
ver_win=$(wine_run "$bin/cli/zorgsim.exe" --version | tr -d '\r')
[[ $ver_win == "$("$linux" --version)" ]] && ok "--version: $ver_win" || bad "--version differs: $ver_win"
grep -q '"commit"' "$(find "$dutch_unix" -name manifest.json | head -1)" && ok "manifest names the commit" || bad "manifest without commit"

# 3. Rename over existing results, bad paths, Excel CSV.
wine_run "$bin/cli/zorgsim.exe" run --quiet --out "$dutch" >"$work/run2.out" 2>&1 &&
  ok "second run replaces the results in place" || bad "second run: $(tail -3 "$work/run2.out")"
wine_run "$bin/cli/zorgsim.exe" run 'C:\users\Gebruiker Één\nergens\scenario.toml' --out "$dutch" >"$work/miss.out" 2>&1
status=$?
[[ $status != 0 ]] && grep -aq 'nergens' "$work/miss.out" && ok "missing scenario: status $status, message names the path" ||
  bad "missing scenario: status $status: $(tr -d '\r' <"$work/miss.out" | tail -2)"
bash "$root/tests/windows/excel_csv.sh" "$bin/cli/zorgsim.exe" "$linux" "$work" && ok "Excel CSV files read or refused with a located error" ||
  bad "Excel CSV files"

# 4. The GUI under Xvfb (software OpenGL through Wine).
shots="$WINEPREFIX/drive_c/users/Gebruiker Één/Documenten/shots"
rm -rf "$shots"
t0=$(date +%s.%N)
xvfb-run -a -s "-screen 0 1920x1080x24" wine "$bin/gui/zorgsim-gui.exe" --script "$(winepath -w "$root/tests/windows/gui.script")" \
  --screenshots 'C:\users\Gebruiker Één\Documenten\shots' >"$work/gui.json" 2>"$work/gui.err"
status=$?
echo "  (GUI script under Wine: $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $t0}") s)"
count=$(ls "$shots"/*.png 2>/dev/null | wc -l)
[[ $status == 0 && $count -ge 4 ]] && ok "zorgsim-gui.exe wrote $count screenshots" ||
  bad "zorgsim-gui.exe: status $status, $count screenshots: $(tail -3 "$work/gui.err")"
if [[ -n ${ZORGSIM_KEEP_SHOTS:-} ]]; then mkdir -p "$ZORGSIM_KEEP_SHOTS" && cp "$shots"/*.png "$ZORGSIM_KEEP_SHOTS"/; fi

echo "windows: $pass passed, $fail failed"
((fail == 0))
