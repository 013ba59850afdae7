#!/usr/bin/env bash
# Wall time of the whole test suite (`./depot test`).
# Usage: bench/test-suite.sh [runs]   (default 1: one run takes minutes). Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1}"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  ./depot test >/tmp/depot-test-bench.log 2>&1 || { tail -40 /tmp/depot-test-bench.log; exit 1; }
  t=$(( $(date +%s) - start ))
  times+=("$t")
  printf 'run %d: %d s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median: %d s over %d runs (target < 900 s)\n", m, NR}'
