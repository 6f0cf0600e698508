#!/usr/bin/env bash
# Folder and file names with spaces and non-ASCII letters (as in "C:\Users\Gebruiker Één" on a
# Dutch laptop) given on the command line and inside a scenario file (extends = "..."): the data
# folder, the scenario, its parent, the intervention catalogue next to it, a registrations CSV and
# the output folder. On Linux the names are bytes, so this guards the code paths the Windows
# build converts through platform::pathFromUtf8 / utf8FromPath (scripts/test-windows.sh runs the
# same kind of names under Wine).
# Usage: test_nonascii_paths.sh ZORGSIM_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

home="$work/Gebruiker Één/Documenten"
data="$home/gegevens ë"
scen="$home/scenario's Één"
out="$home/uitvoer é"
mkdir -p "$data" "$scen"
cp -r "$src/data/gelderland/." "$data/"
cp "$src/scenarios/baseline.toml" "$scen/basis Één.toml"
cp "$src/scenarios/interventions.toml" "$scen/"
sed 's/^extends = "baseline.toml"/extends = "basis Één.toml"/' "$src/scenarios/achterhoek-preventie.toml" \
  >"$scen/preventie é.toml"
cp "$src/tests/data/registrations/statline_84753NED_aalten.csv" "$home/inschrijvingen ë.csv"

"$bin" run "$scen/preventie é.toml" --data "$data" --region Achterhoek \
  --registrations "$home/inschrijvingen ë.csv" --out "$out" -q 2>"$work/err" ||
  fail "run with non-ASCII paths: $(cat "$work/err")"
[[ -s "$out/results.csv" ]] || fail "no results.csv in '$out': $(ls -A "$home")"
grep -qF "preventie é.toml" "$out/manifest.json" || fail "manifest lacks the scenario file name"
grep -qF "basis Één.toml" "$out/manifest.json" || fail "manifest lacks the extended scenario"
grep -qF '"registered_clients": 1110' "$out/manifest.json" || fail "registrations not read"

"$bin" run "$scen/ontbreekt ë.toml" --data "$data" --out "$out" -q 2>"$work/err"
code=$?
[[ $code -eq 2 ]] || fail "missing scenario: exit $code, expected 2"
grep -qF "scenario's Één/ontbreekt ë.toml" "$work/err" || fail "message lacks the path: $(cat "$work/err")"

[[ $failures -eq 0 ]] && echo "non-ASCII paths: all checks passed" || exit 1
