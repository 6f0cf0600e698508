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
head -1 "$work/good/results.csv" | grep -qx "scenario,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value,error_band_p05,error_band_p95" && pass || fail "results.csv header"
grep -q '"content_hash"' "$work/good/manifest.json" && pass || fail "manifest lacks content_hash"
ls -a "$work/good" | grep -q '\.tmp\.' && fail "temporary files left behind" || pass
checksum=$(cat "$work/good"/* | md5sum)
# A workforce gap is a shortage or a surplus in words, never a negative shortage (Centraal
# Gelderland has a surplus of workforce supply in 2030 with 25 % higher productivity).
printf 'name = "productief"\n[workforce]\nproductivity_multiplier = 1.25\n' >"$work/productive.toml"
"$bin" run "$work/productive.toml" --out "$work/cg" --region "Centraal Gelderland" >"$work/cg.out" 2>/dev/null || fail "Centraal Gelderland run failed"
grep -q "tekort/overschot" "$work/cg.out" && grep -qE "[0-9] overschot$" "$work/cg.out" && pass || fail "surplus not written as overschot"
grep -qE " -[0-9.]+ *$" "$work/cg.out" && fail "a negative number in the gap column" || pass

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

# 5. Strategist commands: compare, decompose, goalseek, monitor, registrations.
"$bin" compare "$src/scenarios/baseline.toml" "$src/scenarios/krappe-arbeidsmarkt.toml" --region Achterhoek --out "$work/cmp" >"$work/out" 2>"$work/err" \
  && grep -q "Tekort/overschot (fte)" "$work/out" && head -1 "$work/cmp/comparison.csv" | grep -q "^scenario_a,scenario_b" && pass || fail "compare: $(cat "$work/err")"
"$bin" decompose "$src/scenarios/reablement.toml" --from 2021 --to 2040 --region Rivierenland --out "$work/dec" >"$work/out" 2>"$work/err" \
  && grep -q "demografie" "$work/out" && [[ -s "$work/dec/decomposition.csv" ]] && pass || fail "decompose: $(cat "$work/err")"
# The workforce row of Rivierenland: demography + trend + prevention = total change.
awk -F, '$3 == "RIV" && $8 == "workforce_fte" {d = $9 - $10 - $11 - $12; ok = (d < 1e-3 && d > -1e-3 && $12 < 0)} END {exit ok ? 0 : 1}' \
  "$work/dec/decomposition.csv" && pass || fail "decompose: workforce row of RIV missing or not adding up"
expect_error "decompose with bad years" 2 "years must satisfy" "$bin" decompose --from 2040 --to 2030 --out "$work/dec2"
"$bin" goalseek "$src/scenarios/reablement.toml" --intervention reablement --region Achterhoek --year 2035 --max-gap 2413 >"$work/out" 2>"$work/err" \
  && grep -q "keeps the gap" "$work/out" && pass || fail "goalseek: $(cat "$work/out" "$work/err")"
"$bin" goalseek "$src/scenarios/reablement.toml" --intervention reablement --region Achterhoek --year 2035 --max-gap -100000 >"$work/out" 2>&1
[[ $? -eq 5 ]] && grep -q "no value of reach" "$work/out" && pass || fail "goalseek unreachable: $(cat "$work/out")"
expect_error "goalseek inactive intervention" 2 "is not active in this scenario" "$bin" goalseek "$src/scenarios/reablement.toml" --intervention welzijn_op_recept --year 2035 --max-gap 0
printf 'care_type,year,geo_code,clients\nwmo_hh,2022,GM0197,1110\n' >"$work/regs.csv"
"$bin" monitor --registrations "$work/regs.csv" --region Achterhoek --out "$work/mon" >"$work/out" 2>"$work/err" \
  && grep -q "Aalten" "$work/out" && [[ -s "$work/mon/monitor.csv" ]] && pass || fail "monitor: $(cat "$work/err")"
"$bin" run --registrations "$src/tests/data/registrations/statline_84753NED_aalten.csv" --region Achterhoek --out "$work/reg" -q 2>"$work/err" \
  && grep -q '"registered_clients": 1110' "$work/reg/manifest.json" && pass || fail "registrations in manifest: $(cat "$work/err")"
printf 'care_type,year,geo_code,clients\nwmo_hh,2022,GM0363,10\n' >"$work/regs-bad.csv"
expect_error "registration for a municipality outside the data" 2 "regs-bad.csv:2: field 'geo_code': municipality 'GM0363' is not in the dataset" \
  "$bin" run --registrations "$work/regs-bad.csv" --out "$work/reg"
printf '[prevention]\nactive = ["reablemint"]\n' >"$work/prev.toml"
cp "$src/scenarios/interventions.toml" "$work/interventions.toml"
expect_error "unknown intervention" 2 "unknown intervention 'reablemint'" "$bin" run "$work/prev.toml" --out "$work/p"

# 6. The lever table in the docs is generated from the parameter dictionary and up to date.
diff <("$bin" levers) "$src/docs/levers.md" >/dev/null && pass || fail "docs/levers.md is stale: run zorgsim levers > docs/levers.md"

# 7. SIGINT / SIGTERM: a clean stop with the shell's exit status, finished results complete,
#    no temporary files, earlier results untouched. (Resuming is tested in tests/batch.)
"$bin" batch "$src/scenarios/baseline.toml" "$src/scenarios/krappe-arbeidsmarkt.toml" --engine agent --replicates 200 \
  --region Achterhoek --threads 1 --out "$work/sig" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 600); do grep -q "done baseline replicate" "$work/err" 2>/dev/null && break; sleep 0.5; done
kill -INT $pid
wait $pid
status=$?
[[ $status -eq 130 ]] && pass || fail "batch after SIGINT: exit $status, expected 130"
grep -q "stopped by SIGINT; results finished before the stop are complete, nothing half-written was left" "$work/err" && pass \
  || fail "batch after SIGINT: no stop message: $(tail -3 "$work/err")"
[[ -z $(find "$work/sig" -name '.*' ! -name .zorgsim-output 2>/dev/null) ]] && pass || fail "temporary files after SIGINT: $(find "$work/sig" -name '.*')"
for d in "$work/sig"/*/; do [[ ! -d $d || -s $d/manifest.json ]] || fail "incomplete folder $d after SIGINT"; done
before=$(cat "$work/good"/* | md5sum)
"$bin" run --engine agent --replicates 200 --out "$work/good" >"$work/out" 2>"$work/err" &
pid=$!
sleep 2
kill -TERM $pid
wait $pid
status=$?
[[ $status -eq 143 ]] && pass || fail "run after SIGTERM: exit $status, expected 143"
[[ $(cat "$work/good"/* | md5sum) == "$before" ]] && pass || fail "SIGTERM changed earlier results"
[[ -z $(find "$work/good" -name '.*' ! -name .zorgsim-output) ]] && pass || fail "temporary files after SIGTERM"
# A cohort run stopped while computing ends with 143 and writes nothing (issue #14 case 21). No
# timing: SIGTERM is made pending (blocked) before exec, so zorgsim receives it at start-up.
before=$(cat "$work/good"/* | md5sum)
command -v python3 >/dev/null || fail "python3 missing (scripts/setup.sh installs python3-minimal)"
python3 -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM]); os.kill(os.getpid(), signal.SIGTERM); os.execv(sys.argv[1], sys.argv[1:])' \
  "$bin" run --region Aalten --out "$work/good" -q >"$work/out" 2>"$work/err"
status=$?
[[ $status -eq 143 ]] && pass || fail "cohort run after SIGTERM: exit $status, expected 143: $(cat "$work/err")"
[[ $(cat "$work/good"/* | md5sum) == "$before" ]] && pass || fail "a stopped cohort run changed earlier results"

# 8. Command-line mistakes of the analysis and batch commands (docs/errors.md, E605 and E607).
expect_error "compare with one scenario" 2 "At least 2 required" "$bin" compare "$src/scenarios/baseline.toml" --out "$work/cmp1"
# issue #14 case 20: batch takes the seed check of run (-1 and 2^64 were wrapped to 2^64-1).
expect_error "batch --seed -1" 2 "the seed must be a whole number from 0 to 18446744073709551615" "$bin" batch "$src/scenarios/baseline.toml" --seed -1 --out "$work/seed1"
expect_error "batch --seed 2^64" 2 "the seed must be a whole number" "$bin" batch "$src/scenarios/baseline.toml" --seed 18446744073709551616 --out "$work/seed2"
expect_error "misspelt option" 2 "Run with --help for more information." "$bin" run --regio Achterhoek
expect_error "solidarity for one municipality" 2 "solidarity needs a region of several" "$bin" solidarity --region Aalten --out "$work/sol1"
mkdir -p "$work/names"
printf 'name = "baseline"\n' >"$work/names/copy.toml"
expect_error "two scenarios with one name" 2 "every scenario of a batch needs its own name" \
  "$bin" batch "$src/scenarios/baseline.toml" "$work/names/copy.toml" --region Aalten --out "$work/names/out"
printf 'name = "report.html"\n' >"$work/names/reserved.toml"
expect_error "scenario named like a batch file" 2 "is the name of a batch file" "$bin" batch "$work/names/reserved.toml" --region Aalten --out "$work/names/out"
printf 'name = "mijn scenario"\n' >"$work/names/space.toml"
expect_error "scenario name with a space" 2 "has a character other than letters, digits" "$bin" batch "$work/names/space.toml" --region Aalten --out "$work/names/out"

# 9. A region name shared by several regions: the choice is said, the code picks another.
"$bin" run --region Achterhoek --out "$work/ach" -q 2>"$work/err" && grep -q "is zorgregio ACH (8 municipalities); give the code for jeugdregio JZ25, corop CR14" "$work/err" \
  && pass || fail "ambiguous region note: $(cat "$work/err")"
"$bin" run --region CR14 --out "$work/cr14" -q 2>"$work/err" && [[ ! -s "$work/err" ]] && grep -q ",region,CR14," "$work/cr14/results.csv" \
  && pass || fail "region by code: $(cat "$work/err")"

# 14. Choosing municipalities in the national dataset: --data by name, --province, TYPE:NAME,
# a coalition across a provincial border, and the errors for each.
"$bin" run --data nederland --province Zeeland --out "$work/zeeland" -q 2>"$work/err" \
  && grep -q ",province,PV29,Zeeland,2050,population,,total,total," "$work/zeeland/results.csv" \
  && ! grep -q ",GM0202," "$work/zeeland/results.csv" && pass || fail "--data nederland --province Zeeland: $(cat "$work/err")"
printf 'coalition,geo_code\nGrensregio,GM0202\nGrensregio,GM0344\n' >"$work/coalitions.csv"
"$bin" run --data nederland --coalitions "$work/coalitions.csv" --region Grensregio --out "$work/grens" -q 2>"$work/err" \
  && grep -q ",region,Grensregio,Grensregio,2030,population,,total,total," "$work/grens/results.csv" \
  && grep -q ",GM0344," "$work/grens/results.csv" && pass || fail "coalition across a border: $(cat "$work/err")"
expect_error "unknown dataset name" 2 "not a folder, and not a dataset shipped in" "$bin" run --data nederlnd --out "$work/x"
expect_error "unknown region type" 2 "unknown region type 'provincie'" "$bin" run --region provincie:Gelderland --out "$work/x"
expect_error "unknown province" 2 "no province called 'Atlantis'" "$bin" run --data nederland --province Atlantis --out "$work/x"
expect_error "merged municipality" 2 "GM0457 (Weesp) no longer exists: on 2022-03-24 it became part of GM0363 Amsterdam" \
  "$bin" run --data nederland --region GM0457 --out "$work/x"
printf 'coalition,geo_code\nA,GM0202\nA,GM0202\n' >"$work/dup.csv"
expect_error "coalition with a duplicate member" 2 "dup.csv:3: field 'geo_code': municipality GM0202 is listed twice in coalition 'A'" \
  "$bin" compare "$src/scenarios/baseline.toml" "$src/scenarios/reablement.toml" --coalitions "$work/dup.csv" --out "$work/x"

# zorgsim budget / interventions (docs/method-care.md section 3): the screen says which numbers
# are assumptions, carries the model-price note and the warning where the evidence includes no
# effect; a bad budget file is reported with its line.
"$bin" interventions --catalogue "$src/scenarios/interventions.toml" >"$work/out" 2>"$work/err" \
  && grep -qF "[ASSUMPTION]" "$work/out" && grep -qF "[source]" "$work/out" && pass \
  || fail "interventions: $(cat "$work/err")"
printf 'municipality,year,line,euro\nGM0222,2030,wmo,25000000\n' >"$work/budget.csv"
"$bin" budget "$src/scenarios/reablement.toml" --region Doetinchem --draws 4 --budget "$work/budget.csv" \
  --csv "$work/budget-out.csv" >"$work/out" 2>"$work/err" \
  && grep -qF "model prices" "$work/out" && grep -qF "may not pay back" "$work/out" \
  && grep -q "^GM0222,\"Doetinchem\",2030,wmo,.*,25000000," "$work/budget-out.csv" && pass \
  || fail "budget: $(cat "$work/err") $(cat "$work/out")"
printf 'municipality,year,line,euro\nGM0222,2030,wmo,1\nGM0222,2030,huur,1\n' >"$work/badbudget.csv"
expect_error "budget file with an unknown line" 2 "badbudget.csv:3: field 'line': 'huur' is not a budget line" \
  "$bin" budget "$src/scenarios/reablement.toml" --region Doetinchem --draws 0 --budget "$work/badbudget.csv"
expect_error "budget without programmes" 2 "the scenario has no active interventions" \
  "$bin" budget "$src/scenarios/baseline.toml" --region Doetinchem

# Which assumption matters: the page in Dutch by default, in English with --lang en, labels from
# the same table; population has no care type and works as an output.
"$bin" sensitivity --region ACH --output population --year 2030 --out "$work/sens-nl" >/dev/null 2>"$work/err" \
  && grep -qF "<td>Vestiging uit andere gemeenten (factor)</td>" "$work/sens-nl/sensitivity.html" \
  && grep -qF "aanname: +-10 % van de vestiging" "$work/sens-nl/sensitivity.html" && pass \
  || fail "sensitivity nl: $(cat "$work/err")"
"$bin" sensitivity --region ACH --output population --year 2030 --lang en --out "$work/sens-en" >/dev/null 2>"$work/err" \
  && grep -qF '<html lang="en">' "$work/sens-en/sensitivity.html" \
  && grep -qF "<td>In-migration from other municipalities (factor)</td>" "$work/sens-en/sensitivity.html" && pass \
  || fail "sensitivity en: $(cat "$work/err")"

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
