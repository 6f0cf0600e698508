#!/usr/bin/env bash
# End-to-end checks of `zorgsim batch`: several scenarios; a rerun skips what is up to date;
# resume after kill -9 gives the bytes of an uninterrupted run; a failing scenario among good
# ones; an unwritable output folder; the agent engine equals `zorgsim run --engine agent`;
# MPI (when built with it) equals one process; the HTML report renders in headless Chromium
# (when installed) and the XLSX has its sheets.
# Usage: test_batch.sh ZORGSIM_BINARY SOURCE_DIR [MPIEXEC]   (MPIEXEC empty: built without MPI)
set -u
bin=$1
src=$2
mpiexec=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
skips=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; skips=$((skips + 1)); }
S=$src/scenarios
export SOURCE_DATE_EPOCH=1700000000  # reproducible XLSX (its creation time)

# Every file of two batch folders, byte for byte, except the run manifests' clock fields.
same_folders() {  # a b -> 0 when equal
  local a=$1 b=$2 f rel
  [[ "$(cd "$a" && find . -type f | sort)" == "$(cd "$b" && find . -type f | sort)" ]] || { echo "file lists differ: $a $b"; return 1; }
  while IFS= read -r f; do
    rel=${f#./}
    if [[ $(basename "$rel") == manifest.json ]]; then
      cmp -s <(grep -v -E '"(wall_time_seconds|created_utc)"|agent engine: ' "$a/$rel") \
             <(grep -v -E '"(wall_time_seconds|created_utc)"|agent engine: ' "$b/$rel") || { echo "differs: $rel"; return 1; }
    else
      cmp -s "$a/$rel" "$b/$rel" || { echo "differs: $rel"; return 1; }
    fi
  done < <(cd "$a" && find . -type f | sort)
}
no_temporaries() { ! find "$1" -name '.*' -not -name '.' -not -name .zorgsim-output | grep -q .; }

# 1. A batch of several scenarios.
four=("$S/baseline.toml" "$S/achterhoek-preventie.toml" "$S/krappe-arbeidsmarkt.toml" "$S/reablement.toml")
"$bin" batch "${four[@]}" --region Achterhoek --out "$work/b1" --report html,xlsx >"$work/out" 2>"$work/err" \
  && pass || fail "batch of four: $(cat "$work/err")"
for s in baseline achterhoek-preventie krappe-arbeidsmarkt reablement; do
  for f in results.csv population.csv manifest.json; do [[ -s "$work/b1/$s/$f" ]] || fail "missing $s/$f"; done
done
for f in comparison.csv manifest.json report.html report.xlsx; do [[ -s "$work/b1/$f" ]] && pass || fail "missing $f"; done
# The budget section of the prevention scenario, with the model-price caveat.
grep -q '<h3>Begrotingseffect</h3>' "$work/b1/report.html" && grep -q 'achterhoek-preventie: begrotingseffect' "$work/b1/report.html" \
  && grep -q 'Modelprijzen' "$work/b1/report.html" && pass || fail "report.html lacks the budget section"
head -1 "$work/b1/comparison.csv" | grep -qx "scenario_a,scenario_b,geo_level,geo_code,geo_name,year,indicator,care_type,sex,age_group,value_a,value_b,difference,difference_percent" \
  && pass || fail "comparison.csv header"
grep -q '^baseline,reablement,region,ACH,' "$work/b1/comparison.csv" && pass || fail "comparison lacks baseline vs reablement"
grep -q '"seed": 1' "$work/b1/krappe-arbeidsmarkt/manifest.json" && grep -q '"content_hash"' "$work/b1/krappe-arbeidsmarkt/manifest.json" \
  && pass || fail "scenario manifest lacks seed or content hash"
grep -q 'zorgsim batch: \[4/4\] done' "$work/err" && pass || fail "no timestamped progress lines: $(cat "$work/err")"
grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z zorgsim batch:' "$work/err" && pass || fail "progress lines are not timestamped"
no_temporaries "$work/b1" && pass || fail "temporary files left: $(find "$work/b1" -name '.*')"
# The same numbers as `zorgsim run`.
"$bin" run "$S/krappe-arbeidsmarkt.toml" --region Achterhoek --out "$work/run" -q 2>"$work/err" || fail "run: $(cat "$work/err")"
cmp -s "$work/run/results.csv" "$work/b1/krappe-arbeidsmarkt/results.csv" && cmp -s "$work/run/population.csv" "$work/b1/krappe-arbeidsmarkt/population.csv" \
  && pass || fail "batch results differ from zorgsim run"

# Results do not depend on the number of threads.
"$bin" batch "${four[@]}" --region Achterhoek --out "$work/b1t" --threads 3 --report html,xlsx >/dev/null 2>"$work/err" || fail "--threads 3: $(cat "$work/err")"
same_folders "$work/b1" "$work/b1t" && pass || fail "--threads 3 gives other files than one thread"

# 2. A rerun skips everything (nothing is rewritten); --seed 2 redoes everything.
stamp=$(stat -c %Y.%i "$work/b1/reablement/manifest.json")
"$bin" batch "${four[@]}" --region Achterhoek --out "$work/b1" --report html,xlsx >"$work/out" 2>"$work/err" || fail "rerun: $(cat "$work/err")"
grep -q "0 computed, 4 up to date, 0 failed" "$work/err" && pass || fail "rerun did not skip: $(cat "$work/err")"
[[ $(stat -c %Y.%i "$work/b1/reablement/manifest.json") == "$stamp" ]] && pass || fail "an up-to-date scenario was rewritten"
cp -r "$work/b1" "$work/b1seed"
"$bin" batch "${four[@]}" --region Achterhoek --out "$work/b1seed" --seed 2 >"$work/out" 2>"$work/err"
grep -q "4 computed, 0 up to date" "$work/err" && pass || fail "another seed did not recompute: $(cat "$work/err")"
# A manifest that does not match (another content hash) is redone; the rest is skipped.
sed -i 's/"content_hash": "[0-9a-f]*"/"content_hash": "0000000000000000"/' "$work/b1/baseline/manifest.json"
"$bin" batch "${four[@]}" --region Achterhoek --out "$work/b1" --report html,xlsx >"$work/out" 2>"$work/err"
grep -q "1 computed, 3 up to date" "$work/err" && pass || fail "changed manifest not redone: $(cat "$work/err")"

# 3. Resume after kill -9: eight scenarios of the whole province (slow enough to interrupt).
mkdir -p "$work/sc"
names=()
for i in 1 2 3 4 5 6 7 8; do
  printf 'extends = "%s/baseline.toml"\nname = "variant-%s"\n[demography]\nfertility_multiplier = 0.%s\n' "$S" "$i" "$((i + 1))" >"$work/sc/v$i.toml"
  names+=("$work/sc/v$i.toml")
done
"$bin" batch "${names[@]}" --out "$work/ref" --report html >/dev/null 2>"$work/err" || fail "uninterrupted batch: $(cat "$work/err")"
interrupted=0
for attempt in 1 2 3; do
  rm -rf "$work/res"
  "$bin" batch "${names[@]}" --out "$work/res" --report html >/dev/null 2>&1 &
  pid=$!
  # Kill it as soon as the first scenario is published, while others are being computed.
  for _ in $(seq 1 2000); do
    [[ -d "$work/res/variant-1" ]] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.005
  done
  kill -9 $pid 2>/dev/null && interrupted=1
  wait $pid 2>/dev/null
  [[ $interrupted == 1 && ! -f "$work/res/report.html" ]] && break
  interrupted=0
done
if [[ $interrupted == 1 ]]; then
  pass
  # Nothing half-written where a result belongs: every scenario folder is complete.
  for d in "$work/res"/variant-*; do
    [[ -d $d ]] || continue
    for f in results.csv population.csv manifest.json; do
      cmp -s "$d/$f" "$work/ref/$(basename "$d")/$f" || [[ $f == manifest.json ]] || fail "half-written $(basename "$d")/$f after kill -9"
    done
    [[ -s "$d/manifest.json" ]] || fail "$(basename "$d") has no manifest after kill -9"
  done
  done_before=$(find "$work/res" -maxdepth 1 -name 'variant-*' -type d | wc -l)
  mkdir -p "$work/res/.zorgsim-tmp.variant-9.999999999" && echo half >"$work/res/.zorgsim-tmp.variant-9.999999999/results.csv"
  "$bin" batch "${names[@]}" --out "$work/res" --report html >/dev/null 2>"$work/err" || fail "resumed batch: $(cat "$work/err")"
  grep -q "$done_before up to date" "$work/err" && pass || fail "resume did not skip the $done_before finished scenarios: $(cat "$work/err")"
  no_temporaries "$work/res" && pass || fail "temporary folders left after resume: $(find "$work/res" -name '.*')"
  same_folders "$work/ref" "$work/res" && pass || fail "resumed batch differs from an uninterrupted one"
else
  skip "resume: the batch finished before it could be killed (3 attempts)"
fi

# 4. A failing scenario among good ones: the others complete, exit non-zero, summary names it.
printf 'extends = "%s/baseline.toml"\nname = "typo"\n[demography]\nfertility_multiplyer = 1.2\n' "$S" >"$work/typo.toml"
printf 'extends = "%s/baseline.toml"\nname = "baseline"\n' "$S" >"$work/dup.toml"
"$bin" batch "$S/baseline.toml" "$work/typo.toml" "$S/reablement.toml" "$work/dup.toml" --region Achterhoek --out "$work/b4" --report html \
  >"$work/out" 2>"$work/err"
code=$?
[[ $code -eq 2 ]] && pass || fail "failing scenario: exit $code, expected 2"
grep -q "typo.toml:4: field 'demography.fertility_multiplyer': unknown key" "$work/err" && pass || fail "summary lacks file and line: $(cat "$work/err")"
grep -q "2 computed, 0 up to date, 2 failed" "$work/err" && pass || fail "summary counts: $(cat "$work/err")"
grep -q "dup.toml: field 'name': scenario name 'baseline' is also the name of" "$work/err" && pass || fail "duplicate name not reported: $(cat "$work/err")"
[[ -s "$work/b4/reablement/results.csv" && -s "$work/b4/baseline/results.csv" && -s "$work/b4/report.html" ]] && pass || fail "good scenarios not written"
[[ ! -e "$work/b4/typo" ]] && pass || fail "a folder was written for the failing scenario"
grep -q "Niet doorgerekend" "$work/b4/report.html" && pass || fail "report does not list the failed scenario"

# 5. An output folder that cannot be written: exit 3 before any work.
touch "$work/afile"
"$bin" batch "${four[@]}" --out "$work/afile" >"$work/out" 2>"$work/err"
code=$?
[[ $code -eq 3 ]] && grep -q "is not a folder" "$work/err" && pass || fail "unwritable folder: exit $code, $(cat "$work/err")"
grep -q "done" "$work/err" && fail "work started before the output check" || pass
"$bin" batch "${four[@]}" --out "$work/afile/sub" >/dev/null 2>&1
[[ $? -eq 3 ]] && pass || fail "folder under a file: not exit 3"
"$bin" batch "$S/baseline.toml" --out "$work/x" --replicates 5 >/dev/null 2>"$work/err"
[[ $? -eq 2 ]] && grep -q "deterministic" "$work/err" && pass || fail "--replicates with the cohort engine not refused"

# 6. The agent engine: a batch's ensemble equals `zorgsim run --engine agent` with the same seed.
"$bin" batch "$S/baseline.toml" "$S/reablement.toml" --engine agent --replicates 4 --seed 11 --region Achterhoek --out "$work/ag" --report html \
  >/dev/null 2>"$work/err" || fail "agent batch: $(cat "$work/err")"
"$bin" run "$S/reablement.toml" --engine agent --replicates 4 --seed 11 --threads 1 --region Achterhoek --out "$work/agrun" -q 2>"$work/err" \
  || fail "agent run: $(cat "$work/err")"
cmp -s "$work/ag/reablement/results.csv" "$work/agrun/results.csv" && cmp -s "$work/ag/reablement/population.csv" "$work/agrun/population.csv" \
  && pass || fail "agent batch differs from zorgsim run --engine agent"
# The agent batch's files, run manifests included, do not depend on --threads (issue #14 case 25).
"$bin" batch "$S/baseline.toml" "$S/reablement.toml" --engine agent --replicates 4 --seed 11 --region Achterhoek --threads 3 \
  --out "$work/ag3" --report html >/dev/null 2>"$work/err" || fail "agent batch --threads 3: $(cat "$work/err")"
same_folders "$work/ag" "$work/ag3" && pass || fail "agent batch with --threads 3 gives other files than one thread"
grep -q $'P5\xe2\x80\x93P95' "$work/ag/report.html" && ! grep -q "Geen P5" "$work/ag/report.html" && pass || fail "agent report has no bands"

# 7. MPI: `mpirun -np 2` gives the bytes of a single process.
if [[ -n $mpiexec ]] && command -v "$mpiexec" >/dev/null; then
  mpi=("$mpiexec" --allow-run-as-root --oversubscribe -np 2)
  "$bin" batch "${four[@]}" --region Achterhoek --out "$work/one" --report html,xlsx >/dev/null 2>"$work/err" || fail "single: $(cat "$work/err")"
  "${mpi[@]}" "$bin" batch "${four[@]}" --region Achterhoek --out "$work/two" --report html,xlsx >"$work/out" 2>"$work/err" \
    && pass || fail "mpirun batch: $(cat "$work/out" "$work/err")"
  grep -q "MPI, 2 ranks" "$work/err" && pass || fail "mpirun batch did not run on 2 ranks: $(cat "$work/err")"
  same_folders "$work/one" "$work/two" && pass || fail "MPI batch differs from a single-process batch"
  "$bin" batch "$S/baseline.toml" "$S/reablement.toml" --engine agent --replicates 4 --seed 11 --region Achterhoek --out "$work/agone" >/dev/null 2>&1
  "${mpi[@]}" "$bin" batch "$S/baseline.toml" "$S/reablement.toml" --engine agent --replicates 4 --seed 11 --region Achterhoek --out "$work/agtwo" \
    >/dev/null 2>"$work/err" || fail "mpirun agent batch: $(cat "$work/err")"
  same_folders "$work/agone" "$work/agtwo" && pass || fail "MPI agent batch differs from a single-process batch"
  "${mpi[@]}" "$bin" batch "${four[@]}" --out "$work/afile" >/dev/null 2>"$work/err"
  [[ $? -ne 0 ]] && grep -q "is not a folder" "$work/err" && pass || fail "mpirun with an unwritable folder: $(cat "$work/err")"
else
  skip "MPI: zorgsim built without MPI (cmake -DZORGSIM_WITH_MPI=ON) or mpirun missing"
fi

# 8. The XLSX opens (a zip) and has the sheets; the HTML has no external assets.
if command -v python3 >/dev/null; then
  python3 - "$work/b1/report.xlsx" <<'PY' && pass || fail "xlsx sheets"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
assert sum(1 for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)) == 7, names
sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
assert sheets == ["Bevolking", "Zorg", "Personeel", "Preventie", "Begroting", "Parameters", "Verantwoording"], sheets
assert b"workforce_gap_fte" in z.read("xl/worksheets/sheet3.xml")  # inline strings (constant-memory mode)
PY
elif command -v unzip >/dev/null; then
  unzip -l "$work/b1/report.xlsx" | grep -q "xl/worksheets/sheet7.xml" && pass || fail "xlsx sheets"
else
  skip "xlsx: neither python3 nor unzip"
fi
grep -qiE '<script|<link|<img|src=|url\(http|@import' "$work/b1/report.html" && fail "report.html refers to external assets" || pass

# 9. The report renders in headless Chromium: a screenshot, and a PDF of more than one page.
chrome=$(command -v chromium || command -v chromium-browser || true)
if [[ -n $chrome ]]; then
  flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
         --disable-component-update --disable-sync)
  timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$work/chrome1" --screenshot="$work/report.png" --window-size=1280,2000 \
    "file://$work/b1/report.html" >/dev/null 2>&1
  [[ -s "$work/report.png" && $(stat -c %s "$work/report.png") -gt 50000 ]] && pass || fail "no screenshot of the report"
  if [[ -n ${ZORGSIM_KEEP_SCREENSHOT:-} ]]; then cp "$work/report.png" "$ZORGSIM_KEEP_SCREENSHOT"; fi
  timeout 120 "$chrome" "${flags[@]}" --user-data-dir="$work/chrome2" --no-pdf-header-footer --print-to-pdf="$work/report.pdf" \
    "file://$work/b1/report.html" >/dev/null 2>&1
  if command -v pdfinfo >/dev/null; then
    pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  else
    pages=$(( $(stat -c %s "$work/report.pdf" 2>/dev/null || echo 0) > 100000 ? 4 : 0 ))  # no pdfinfo: a size check
  fi
  [[ -s "$work/report.pdf" && ${pages:-0} -gt 3 ]] && pass || fail "print to PDF: ${pages:-0} pages"
  if [[ -n ${ZORGSIM_KEEP_SCREENSHOT:-} ]]; then cp "$work/report.pdf" "${ZORGSIM_KEEP_SCREENSHOT%.png}.pdf"; fi
else
  skip "Chromium not installed (apt-get install chromium, or scripts/setup.sh --browser)"
fi

echo "batch end-to-end: $passes passed, $failures failed, $skips skipped"
[[ $failures -eq 0 ]]
