#!/usr/bin/env bash
# End-to-end checks of `zorgsim`: the default run, help texts, and that bad input gives a
# clear error, a non-zero exit status, and leaves earlier results untouched.
# Usage: test_cli.sh ZORGSIM_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_error() {  # name, expected exit code, expected message fragment, command...
  local name=$1 code=$2 fragment=$3
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $code ]]; then fail "$name: exit $got, expected $code"; cat "$work/err"; return; fi
  if ! grep -qF -- "$fragment" "$work/err"; then fail "$name: message lacks '$fragment'"; cat "$work/err"; return; fi
  pass
}

# 1. A good run writes the three files and prints the table.
"$bin" run --out "$work/good" --region Achterhoek >"$work/out" 2>"$work/err" || fail "default run failed: $(cat "$work/err")"
for f in results.csv population.csv manifest.json; do [[ -s "$work/good/$f" ]] || fail "missing $f"; done
grep -q "Achterhoek" "$work/out" && pass || fail "summary lacks Achterhoek"
head -1 "$work/good/results.csv" | grep -qx "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value" && pass || fail "results.csv header"
grep -q '"content_hash"' "$work/good/manifest.json" && pass || fail "manifest lacks content_hash"
ls -a "$work/good" | grep -q '\.tmp\.' && fail "temporary files left behind" || pass
checksum=$(cat "$work/good"/* | md5sum)

# 2. Help explains every option.
"$bin" --help | grep -q "run" && pass || fail "--help lacks run"
for opt in --out --data --region; do "$bin" run --help | grep -q -- "$opt" && pass || fail "run --help lacks $opt"; done

# 3. Bad input: clear error, non-zero exit, earlier results untouched.
cat >"$work/typo.toml" <<'TOML'
[demography]
fertility_multiplyer = 1.2
TOML
expect_error "unknown scenario key" 2 "typo.toml:2: field 'demography.fertility_multiplyer': unknown key (did you mean 'demography.fertility_multiplier'?)" \
  "$bin" run "$work/typo.toml" --out "$work/good" --region Achterhoek
printf 'horizon = 1990\n' >"$work/range.toml"
expect_error "out-of-range value" 2 "range.toml:1: field 'horizon': value 1990" "$bin" run "$work/range.toml" --out "$work/good"
expect_error "unknown region" 2 "no region or municipality called 'Atlantis'" "$bin" run --region Atlantis --out "$work/good"
cp -r "$src/data/gelderland" "$work/baddata"
sed -i '2s/.*/GM0197,male,0-4,abc/' "$work/baddata/population.csv"
expect_error "malformed data" 2 "population.csv:2: field 'persons': 'abc' is not a number" "$bin" run --data "$work/baddata" --out "$work/good"
expect_error "missing data folder" 2 "data folder not found" "$bin" run --data "$work/nothing" --out "$work/good"
[[ "$(cat "$work/good"/* | md5sum)" == "$checksum" ]] && pass || fail "earlier results were changed by a failed run"
ls -a "$work/good" | grep -q '\.tmp\.' && fail "temporary files left behind after errors" || pass

# 4. An output folder that cannot be written is an error before any work.
touch "$work/afile"
expect_error "output path is a file" 3 "is not a folder" "$bin" run --out "$work/afile" --region Achterhoek

# 5. The lever table in the docs is generated from the parameter dictionary and up to date.
diff <("$bin" levers) "$src/docs/levers.md" >/dev/null && pass || fail "docs/levers.md is stale: run zorgsim levers > docs/levers.md"

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
