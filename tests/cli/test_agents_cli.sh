#!/usr/bin/env bash
# End-to-end checks of the agent engine's command line: `zorgsim run --engine agent` and
# `zorgsim solidarity`: outputs, reproducibility across thread counts, bad input.
# Usage: test_agents_cli.sh ZORGSIM_BINARY SOURCE_DIR
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

expect_error() {  # name, expected message fragment, command...
  local name=$1 fragment=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -eq 0 ]]; then fail "$name: exit 0, expected an error"; return; fi
  if ! grep -qF -- "$fragment" "$work/err" "$work/out"; then fail "$name: message lacks '$fragment'"; cat "$work/err"; return; fi
  pass
}

# 1. An ensemble: the usual columns plus mean,p05,p50,p95; seed and replicates in the manifest.
"$bin" run --engine agent --region Achterhoek --replicates 4 --seed 9 --threads 1 --out "$work/a1" >"$work/out" 2>"$work/err" \
  || fail "agent run failed: $(cat "$work/err")"
head -1 "$work/a1/results.csv" | grep -qx "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value,mean,p05,p50,p95" \
  && pass || fail "agent results.csv header"
grep -q '"engine": "agent"' "$work/a1/manifest.json" && grep -q '"seed": 9' "$work/a1/manifest.json" \
  && grep -q '"replicates": 4' "$work/a1/manifest.json" && grep -q '"threads": 1' "$work/a1/manifest.json" && pass || fail "agent manifest"
[[ -s "$work/a1/population.csv" ]] && pass || fail "agent population.csv"
# Parameter uncertainty is the default and recorded; the probability of a shortage is written
# and said on screen (issue #17).
grep -q '"uncertainty": "parameters"' "$work/a1/manifest.json" && pass || fail "uncertainty in the manifest"
head -1 "$work/a1/shortage_probability.csv" | grep -qx "scenario,geo_level,geo_code,geo_name,threshold_fte,year,probability,first_year_p50,first_year_p90" \
  && pass || fail "shortage_probability.csv header"
grep -q "^baseline,region,ACH,Achterhoek,500,2030,[01]" "$work/a1/shortage_probability.csv" && pass || fail "shortage_probability.csv row"
grep -q "kans op een tekort van meer dan" "$work/out" && grep -q "parameteronzekerheid en toeval" "$work/out" \
  && pass || fail "shortage sentence and band label on screen"
"$bin" run --engine agent --region Achterhoek --replicates 4 --seed 9 --threads 1 --uncertainty chance --out "$work/c1" -q \
  || fail "agent run --uncertainty chance"
grep -q '"uncertainty": "chance"' "$work/c1/manifest.json" && pass || fail "chance in the manifest"
cmp -s "$work/a1/results.csv" "$work/c1/results.csv" && fail "chance gives the parameter run's results" || pass
printf '[fertility]\ndistribution = "lognormal"\nsd = -1\nsource = "x"\n' >"$work/u.toml"
expect_error "bad uncertainty file" "a standard deviation cannot be negative" "$bin" run --engine agent --uncertainty-file "$work/u.toml" --out "$work/u"

# 2. The same seed on 2 threads: the same bytes; another seed: different results.
"$bin" run --engine agent --region Achterhoek --replicates 4 --seed 9 --threads 2 --out "$work/a2" -q || fail "agent run 2 threads"
cmp -s "$work/a1/results.csv" "$work/a2/results.csv" && cmp -s "$work/a1/population.csv" "$work/a2/population.csv" \
  && pass || fail "results differ between 1 and 2 threads"
"$bin" run --engine agent --region Achterhoek --replicates 4 --seed 10 --threads 2 --out "$work/a3" -q || fail "agent run seed 10"
cmp -s "$work/a1/results.csv" "$work/a3/results.csv" && fail "seed 10 gives the same results as seed 9" || pass

# 3. Solidarity: table on screen, solidarity.csv written.
"$bin" solidarity --region Achterhoek --replicates 50 --threads 2 --out "$work/s" --lang en >"$work/out" 2>"$work/err" \
  || fail "solidarity failed: $(cat "$work/err")"
grep -q "Regional solidarity" "$work/out" && grep -q "Doetinchem" "$work/out" && pass || fail "solidarity table"
head -1 "$work/s/solidarity.csv" | grep -q "key,mean,p05,p50,p95,risk_euro,risk_percent,expected_transfer" && pass || fail "solidarity.csv header"
[[ $(grep -c ",historical_use," "$work/s/solidarity.csv") -eq 8 ]] && pass || fail "solidarity.csv rows"
ls -a "$work/s" | grep -q '\.tmp\.' && fail "temporary files left behind" || pass

# 4. Bad input: clear errors, non-zero exit, earlier results untouched.
checksum=$(cat "$work/a1"/* | md5sum)
expect_error "seed not a number" "--seed" "$bin" run --engine agent --seed abc --out "$work/a1"
expect_error "negative seed" "--seed" "$bin" run --engine agent --seed -4 --out "$work/a1"
expect_error "zero replicates" "--replicates" "$bin" run --engine agent --replicates 0 --out "$work/a1"
expect_error "too many replicates" "--replicates" "$bin" run --engine agent --replicates 100001 --out "$work/a1"
expect_error "zero threads" "--threads" "$bin" run --engine agent --threads 0 --out "$work/a1"
expect_error "too many threads" "--threads" "$bin" solidarity --region Achterhoek --threads 1000 --out "$work/s"
expect_error "unknown engine" "--engine" "$bin" run --engine abm --out "$work/a1"
expect_error "ensemble option with the cohort engine" "need --engine agent" "$bin" run --replicates 5 --out "$work/a1"
expect_error "solidarity needs a region" "--region" "$bin" solidarity --out "$work/s"
expect_error "solidarity of one municipality" "one municipality" "$bin" solidarity --region Aalten --out "$work/s"
expect_error "unknown care type" "unknown care type 'jeugd_verblijv'" "$bin" solidarity --region Achterhoek --care-types jeugd_verblijv --out "$work/s"
expect_error "year out of range" "--year" "$bin" solidarity --region Achterhoek --year 2099 --out "$work/s"
[[ "$(cat "$work/a1"/* | md5sum)" == "$checksum" ]] && pass || fail "earlier results were changed by a failed run"

# monitor --engine agent: the projection is the ensemble mean, with its P5-P95 band; a
# registered count far outside it is flagged.
printf 'care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,1140\nwmo_hh,2023,GM0197,5000\n' >"$work/regs.csv"
"$bin" monitor --registrations "$work/regs.csv" --region Aalten --engine agent --replicates 20 --out "$work/mon" >"$work/out" 2>"$work/err" \
  || fail "monitor --engine agent: $(cat "$work/err")"
awk -F, 'NR > 1 && $10 != "" && $11 != "" && $10 + 0 <= $7 + 0 && $7 + 0 <= $11 + 0 {n++} END {exit n == 2 ? 0 : 1}' "$work/mon/monitor.csv" \
  && pass || fail "monitor bands do not enclose the mean: $(cat "$work/mon/monitor.csv")"
grep -q ',2023,5000.0000,.*,no$' "$work/mon/monitor.csv" && pass || fail "a count far outside the band is not flagged: $(cat "$work/mon/monitor.csv")"
expect_error "monitor ensemble option with the cohort engine" "need --engine agent" "$bin" monitor --registrations "$work/regs.csv" --replicates 5

echo "agents cli: $passes passed, $failures failed"
[[ $failures -eq 0 ]]
