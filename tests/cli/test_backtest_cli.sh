#!/usr/bin/env bash
# End-to-end checks of `zorgsim backtest`: files and headers, the summary on screen, the same
# bytes on a rerun, bad input (a base year without data, an unknown region).
# Usage: test_backtest_cli.sh ZORGSIM_BINARY SOURCE_DIR
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_error() {  # name, expected status, expected message fragment, command...
  local name=$1 status=$2 fragment=$3
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $status ]]; then fail "$name: exit $got, expected $status"; return; fi
  if ! grep -qF -- "$fragment" "$work/err"; then fail "$name: message lacks '$fragment'"; cat "$work/err"; return; fi
  pass
}

# 1. The default dataset (Gelderland): five files, the summary on screen.
"$bin" backtest --out "$work/b1" >"$work/out" 2>"$work/err" || fail "backtest failed: $(cat "$work/err")"
grep -q "^Back-test 2017 -> 2021: [0-9]* municipalities, MAPE of totals" "$work/out" && pass || fail "summary line: $(cat "$work/out")"
for f in backtest_municipalities.csv backtest_age_groups.csv backtest_summary.csv backtest_worst.csv backtest.html error_percentiles.csv backtest_aggregates.csv manifest.json; do
  [[ -s "$work/b1/$f" ]] && pass || fail "missing $f"
done
head -1 "$work/b1/backtest_municipalities.csv" | grep -qx "geo_code,geo_name,size_class,persons_2017,projected_2021,observed_2021,error_pct" \
  && pass || fail "municipalities header"
head -1 "$work/b1/backtest_worst.csv" | grep -qx "rank,geo_code,geo_name,error_pct,likely_cause" && pass || fail "worst header"
[[ $(wc -l <"$work/b1/backtest_worst.csv") -eq 11 ]] && pass || fail "worst: 10 rows expected"
grep -q '^total,all municipalities,' "$work/b1/backtest_summary.csv" && pass || fail "summary total row"
grep -q '"command": "backtest"' "$work/b1/manifest.json" && pass || fail "manifest command"
# Sums of municipalities (regions, provinces) get their own error row and calibration line.
head -1 "$work/b1/backtest_aggregates.csv" | grep -qx "region_type,region_code,region_name,members,covered,base,projected,observed,error_pct" \
  && pass || fail "aggregates header"
grep -q '^aggregate,4,' "$work/b1/error_percentiles.csv" && pass || fail "aggregate percentiles row"
grep -q "^Error bands of sums of municipalities" "$work/out" && pass || fail "aggregate calibration line"

# 2. A region and a rerun: the same bytes.
"$bin" backtest --region Achterhoek --worst 3 --out "$work/b2" >/dev/null 2>&1 || fail "backtest --region"
"$bin" backtest --region Achterhoek --worst 3 --out "$work/b3" >/dev/null 2>&1 || fail "backtest rerun"
cmp -s "$work/b2/backtest_municipalities.csv" "$work/b3/backtest_municipalities.csv" && pass || fail "rerun differs"
[[ $(wc -l <"$work/b2/backtest_worst.csv") -eq 4 ]] && pass || fail "--worst 3"

# 3. Bad input: exit 2 with a clear message, nothing written.
expect_error "base year without data" 2 "no back-test base population for base year 2016" \
  "$bin" backtest --base-year 2016 --out "$work/bad1"
[[ ! -e "$work/bad1" ]] && pass || fail "bad base year wrote a folder"
# Heumen (GM0252) lacks 2017 figures in the CBS extract.
expect_error "region without 2017 data" 2 "none of the chosen municipalities has a back-test base population" \
  "$bin" backtest --region GM0252 --out "$work/bad3"
expect_error "unknown region" 2 "Atlantis" "$bin" backtest --region Atlantis --out "$work/bad2"

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
