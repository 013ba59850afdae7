#!/usr/bin/env bash
# Time from `./depot up` to every service and the dashboard healthy, with a warm build.
# Usage: bench/startup.sh [runs]   (default 3). Prints each run and the median, in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
data=.depot-bench
./depot build >/dev/null
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./depot up --detach --data-dir "$data" >/dev/null 2>&1
  end=$(date +%s.%N)
  ./depot down --data-dir "$data" >/dev/null 2>&1
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$t")
  printf 'run %d: %.1f s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median: %.1f s over %d runs (target < 60 s)\n", m, NR}'
