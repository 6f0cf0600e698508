#!/usr/bin/env bash
# Nothing lost (issue #14): zorgsim never deletes or overwrites what it did not write, never
# writes into its inputs, stops a second writer of one folder, and recomputes a result whose
# files no longer match their manifest.
# Usage: test_ownership.sh ZORGSIM_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
R=(--region Aalten)

expect() {  # name, expected exit code, expected message fragment, command...
  local name=$1 code=$2 fragment=$3
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $code ]]; then fail "$name: exit $got, expected $code: $(cat "$work/err")"; return; fi
  if ! grep -qF -- "$fragment" "$work/err"; then fail "$name: message lacks '$fragment': $(cat "$work/err")"; return; fi
  pass
}
sums() { (cd "$1" && find . -type f | sort | xargs -r md5sum); }

# Case 2: a batch scenario named like a user's folder in --out does not replace it.
"$bin" batch "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/b" >/dev/null 2>"$work/err" || fail "first batch: $(cat "$work/err")"
mkdir -p "$work/b/notes" && echo "buy milk" >"$work/b/notes/todo.txt"
mkdir -p "$work/sc" && printf 'extends = "%s"\nname = "notes"\n' "$src/scenarios/baseline.toml" >"$work/sc/notes.toml"
expect "scenario named like a user folder" 3 "was not made by zorgsim" "$bin" batch "$src/scenarios/baseline.toml" "$work/sc/notes.toml" "${R[@]}" --out "$work/b"
[[ $(cat "$work/b/notes/todo.txt") == "buy milk" ]] && pass || fail "the user's notes/todo.txt was changed or deleted"
grep -q '"name": "baseline"' "$work/b/manifest.json" && pass || fail "the good scenario of the batch was not kept"

# Case 2: a scenario named "scenarios" with --out . next to the scenario files.
mkdir -p "$work/proj/scenarios" && cp "$src/scenarios/baseline.toml" "$work/proj/scenarios/"
printf 'extends = "baseline.toml"\nname = "scenarios"\n' >"$work/proj/scenarios/s.toml"
before=$(sums "$work/proj/scenarios")
(cd "$work/proj" && "$bin" batch scenarios/s.toml "${R[@]}" --out . >"$work/out" 2>"$work/err")
[[ $? -eq 3 ]] && pass || fail "--out . with a scenario named scenarios: exit $?: $(cat "$work/err")"
[[ $(sums "$work/proj/scenarios") == "$before" ]] && pass || fail "the scenario files were changed"
mkdir -p "$work/proj2/scenarios" && cp "$src/scenarios/baseline.toml" "$work/proj2/scenarios/" && cp "$work/proj/scenarios/s.toml" "$work/proj2/scenarios/"
touch "$work/proj2/.zorgsim-output"  # as if zorgsim had made it: the scenario folder check itself
expect "scenario folder is the scenarios folder" 3 "results would overwrite input files" "$bin" batch "$work/proj2/scenarios/s.toml" "${R[@]}" --out "$work/proj2"
[[ -f "$work/proj2/scenarios/s.toml" ]] && pass || fail "scenario files deleted"

# Case 3: --out equal to (or inside) --data.
cp -r "$src/data/gelderland" "$work/d"
before=$(sums "$work/d")
expect "--out is --data" 3 "is the data folder (--data)" "$bin" run --data "$work/d" --out "$work/d" "${R[@]}" -q
expect "--out inside --data" 3 "or inside it" "$bin" run --data "$work/d" --out "$work/d/out" "${R[@]}" -q
expect "batch --out is --data" 3 "is the data folder (--data)" "$bin" batch "$src/scenarios/baseline.toml" --data "$work/d" --out "$work/d" "${R[@]}"
[[ $(sums "$work/d") == "$before" ]] && pass || fail "the data folder was changed"

# A run into a user's non-empty folder without the marker.
mkdir -p "$work/user" && echo "mine" >"$work/user/results.csv"
expect "run into a user's folder" 3 "was not made by zorgsim" "$bin" run "${R[@]}" --out "$work/user" -q
[[ $(cat "$work/user/results.csv") == "mine" ]] && pass || fail "a user's results.csv was replaced"

# Case 4: scenario names that would leave output/.
mkdir -p "$work/cwd"
for name in "/tmp/zorgsim-escape-$$" "../../escape-$$" ".."; do
  printf 'extends = "%s"\nname = "%s"\n' "$src/scenarios/baseline.toml" "$name" >"$work/sc/bad.toml"
  (cd "$work/cwd" && "$bin" run "$work/sc/bad.toml" "${R[@]}" -q >"$work/out" 2>"$work/err")
  code=$?
  [[ $code -eq 2 ]] && grep -q "field 'name'" "$work/err" && pass || fail "name '$name': exit $code: $(cat "$work/err")"
done
[[ ! -e /tmp/zorgsim-escape-$$ && ! -e "$work/escape-$$" && ! -e "$work/cwd/output/results.csv" ]] && pass || fail "results written outside output/"

# Case 6: a second writer of one folder stops with a clear error (the lock is held here by flock(1)).
"$bin" run "${R[@]}" --out "$work/locked" -q 2>"$work/err" || fail "run into a new folder: $(cat "$work/err")"
before=$(sums "$work/locked")
expect "run while another process writes" 3 "is being written by another zorgsim process" flock "$work/locked" "$bin" run "${R[@]}" --out "$work/locked" -q
expect "batch while another process writes" 3 "is being written by another zorgsim process" flock "$work/b" "$bin" batch "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/b"
[[ $(sums "$work/locked") == "$before" ]] && pass || fail "the locked folder was changed"

# Case 7: a truncated results.csv in a batch folder is recomputed, not trusted.
"$bin" batch "$src/scenarios/baseline.toml" "$src/scenarios/reablement.toml" "${R[@]}" --out "$work/t" >/dev/null 2>"$work/err" || fail "batch: $(cat "$work/err")"
cp "$work/t/comparison.csv" "$work/comparison.first"
size=$(stat -c %s "$work/t/reablement/results.csv")
truncate -s $((size / 3)) "$work/t/reablement/results.csv"
"$bin" batch "$src/scenarios/baseline.toml" "$src/scenarios/reablement.toml" "${R[@]}" --out "$work/t" >/dev/null 2>"$work/err" || fail "resumed batch: $(cat "$work/err")"
grep -q "up to date, skipped: reablement" "$work/err" && fail "a truncated result was taken as up to date" || pass
grep -q "up to date, skipped: baseline" "$work/err" && pass || fail "an intact result was recomputed: $(cat "$work/err")"
cmp -s "$work/t/comparison.csv" "$work/comparison.first" && pass || fail "comparison.csv differs after the resume"
grep -q '"sha256"' "$work/t/reablement/manifest.json" && pass || fail "the run manifest has no file hashes"

# Case 19: a scenario that is a loop of symbolic links is left out of a batch (exit 2); the
# good scenarios run.
ln -s loop2.toml "$work/sc/loop1.toml" && ln -s loop1.toml "$work/sc/loop2.toml"
expect "symbolic-link loop in a batch" 2 "cannot read scenario file: Too many levels of symbolic links" \
  "$bin" batch "$src/scenarios/baseline.toml" "$work/sc/loop1.toml" "${R[@]}" --out "$work/loop"
[[ -s "$work/loop/baseline/results.csv" && -s "$work/loop/manifest.json" ]] && pass || fail "the good scenario of a batch with a link loop was not run"
expect "symbolic-link loop in a run" 2 "cannot read scenario file" "$bin" run "$work/sc/loop1.toml" "${R[@]}" --out "$work/loop-run" -q

# Case 26: a failure to write a scenario's folder names the scenario file in the summary.
grep -q "failed: $work/sc/notes.toml: cannot write results" <("$bin" batch "$src/scenarios/baseline.toml" "$work/sc/notes.toml" "${R[@]}" --out "$work/b" 2>&1) \
  && pass || fail "the summary of a failed scenario does not name its file"

# Case 6 (one after the other): a run and a batch into one folder do not replace each other's
# manifest; the second is refused and the first one's files stay as they were.
"$bin" run "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/mixed" -q >/dev/null 2>"$work/err" || fail "run into mixed: $(cat "$work/err")"
before=$(sums "$work/mixed")
expect "batch into a run's folder" 3 "holds the results of 'zorgsim run'" "$bin" batch "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/mixed"
[[ $(sums "$work/mixed") == "$before" ]] && pass || fail "the run's files changed after a refused batch"
expect "run into a batch's folder" 3 "holds the results of 'zorgsim batch'" "$bin" run "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/b" -q
expect "compare into a run's folder" 3 "holds the results of 'zorgsim run'" \
  "$bin" compare "$src/scenarios/baseline.toml" "$src/scenarios/krappe-arbeidsmarkt.toml" "${R[@]}" --out "$work/mixed"
"$bin" run "$src/scenarios/baseline.toml" "${R[@]}" --out "$work/mixed" -q >/dev/null 2>"$work/err" && pass || fail "a second run into a run's folder: $(cat "$work/err")"

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
