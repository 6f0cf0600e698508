#!/usr/bin/env bash
# Same seed, same bytes on every CPU (sim/portable_math.hpp): `zorgsim run` with glibc's
# FMA-compiled exp/log/pow/sin/cos variants allowed (glibc's default on CPUs with FMA) and
# switched off must write identical results, for the cohort and the agent engine.
# The switch is glibc's tunable; its name changed in glibc 2.33 (AVX2_Usable -> AVX2), so both
# spellings are given (an unknown one is ignored). libm_probe (the C library's own functions,
# without zorgsim's) tells whether the switch changes anything on this machine: if not (a CPU
# without FMA, or a C library without the tunable), the comparison could not fail and the test
# is skipped (exit 77) with the reason.
# Usage: test_libm_cpu.sh ZORGSIM LIBM_PROBE
set -uo pipefail
bin=$1
probe=$2
off='glibc.cpu.hwcaps=-AVX2_Usable,-FMA_Usable,-AVX2,-FMA'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $1"; exit 1; }

"$probe" >"$work/probe-default" || fail "libm_probe failed"
GLIBC_TUNABLES=$off "$probe" >"$work/probe-off" || fail "libm_probe failed with GLIBC_TUNABLES"
if cmp -s "$work/probe-default" "$work/probe-off"; then
  echo "SKIP: the C library gives the same exp/log/pow/log10/sin/cos with GLIBC_TUNABLES=$off"
  echo "      (no FMA on this CPU, or no such tunable): nothing to compare on this machine"
  exit 77
fi
echo "the C library's own functions differ with FMA variants on and off here:"
paste "$work/probe-default" "$work/probe-off" | awk '$2 != $4 {print "  " $1 ": " $2 " / " $4}'

run_both() {  # run_both NAME zorgsim-arguments...
  local name=$1
  shift
  "$bin" "$@" --quiet --out "$work/$name-default" >/dev/null 2>"$work/err" || fail "$name: $(cat "$work/err")"
  GLIBC_TUNABLES=$off "$bin" "$@" --quiet --out "$work/$name-off" >/dev/null 2>"$work/err" ||
    fail "$name with GLIBC_TUNABLES: $(cat "$work/err")"
  local n=0 f
  for f in "$work/$name-default"/*.csv; do
    cmp -s "$f" "$work/$name-off/${f##*/}" ||
      fail "$name: ${f##*/} differs with FMA variants off: $(diff "$f" "$work/$name-off/${f##*/}" | grep -c '^<') lines"
    n=$((n + 1))
  done
  ((n > 0)) || fail "$name wrote no CSV file"
  echo "ok: $name: $n CSV files identical with and without glibc's FMA variants ($(wc -l <"$work/$name-default/results.csv") lines of results.csv)"
}
run_both cohort run
# The national dataset: with glibc's own functions this run differed in one line on an FMA CPU
# (a 2042 care cost of CR35, last digit; measured at 3edfe2e).
run_both national run --data nederland
run_both agent run --engine agent --region Achterhoek --replicates 4 --seed 9 --threads 1
