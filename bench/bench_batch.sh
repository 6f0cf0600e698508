#!/usr/bin/env bash
# Batch throughput: 8 scenarios x N agent replicates (default 100) for the Achterhoek, one
# process against `mpirun -np 2`, with the speed-up. Prints figures; it is not a test.
# Usage: bench/bench_batch.sh ZORGSIM_BINARY [REPLICATES] [ENGINE]
#   ZORGSIM_BINARY built with -DZORGSIM_WITH_MPI=ON for the MPI half; ENGINE agent (default)
#   or cohort (then REPLICATES is 1).
# The machine's load matters on a shared 2-core box: the script prints `uptime` before and
# after each measurement; compare runs made under similar load only.
set -euo pipefail
bin=$(realpath "$1")
replicates=${2:-100}
engine=${3:-agent}
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
S=$src/scenarios
# The six shipped scenarios and two variants: 8 in all.
printf 'extends = "%s/baseline.toml"\nname = "lage-vruchtbaarheid"\n[demography]\nfertility_multiplier = 0.9\n' "$S" >"$work/v1.toml"
printf 'extends = "%s/baseline.toml"\nname = "langer-leven"\n[demography]\nlife_expectancy_gain = 2.0\n' "$S" >"$work/v2.toml"
scenarios=("$S/baseline.toml" "$S/achterhoek-preventie.toml" "$S/reablement.toml" "$S/vroegsignalering.toml"
           "$S/krappe-arbeidsmarkt.toml" "$S/rivierenland-woningbouw.toml" "$work/v1.toml" "$work/v2.toml")
args=(batch "${scenarios[@]}" --region Achterhoek --engine "$engine" --seed 1)
[[ $engine == agent ]] && args+=(--replicates "$replicates")
if [[ $engine == agent ]]; then runs=$(( ${#scenarios[@]} * replicates )); else runs=${#scenarios[@]}; fi

measure() {  # label, command... -> seconds
  local label=$1 t0 t1
  shift
  echo "load before $label: $(uptime | sed 's/.*load average: //')" >&2
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  t1=$(date +%s.%N)
  echo "load after  $label: $(uptime | sed 's/.*load average: //')" >&2
  awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
}
echo "zorgsim batch: ${#scenarios[@]} scenarios x $([[ $engine == agent ]] && echo "$replicates replicates" || echo "1 run") ($engine engine), Achterhoek, $(nproc) cores"
one=$(measure "1 process" "$bin" "${args[@]}" --threads 1 --out "$work/one")
printf '1 process:        %8.1f s  %8.2f runs/s\n' "$one" "$(awk -v r="$runs" -v t="$one" 'BEGIN { print r / t }')"
# For comparison: the same cores used by threads inside one process.
onet=$(measure "1 process, --threads 2" "$bin" "${args[@]}" --threads 2 --out "$work/onet")
printf '1 process, 2 thr: %8.1f s  %8.2f runs/s  (speed-up %.2f x)\n' "$onet" "$(awk -v r="$runs" -v t="$onet" 'BEGIN { print r / t }')" \
  "$(awk -v a="$one" -v b="$onet" 'BEGIN { print a / b }')"
if command -v mpirun >/dev/null && ldd "$bin" | grep -q libmpi; then
  two=$(measure "mpirun -np 2" mpirun --allow-run-as-root --oversubscribe -np 2 "$bin" "${args[@]}" --threads 1 --out "$work/two")
  printf 'mpirun -np 2:     %8.1f s  %8.2f runs/s\n' "$two" "$(awk -v r="$runs" -v t="$two" 'BEGIN { print r / t }')"
  printf 'speed-up:         %8.2f x\n' "$(awk -v a="$one" -v b="$two" 'BEGIN { print a / b }')"
  for f in "$work"/one/*/results.csv; do
    cmp -s "$f" "$work/two/${f#"$work"/one/}" || { echo "MPI output differs from 1 process: $f"; exit 1; }
  done
  echo "outputs identical (results.csv of every scenario)"
else
  echo "mpirun -np 2:     skipped ($bin is not built with -DZORGSIM_WITH_MPI=ON, or mpirun is missing)"
fi
