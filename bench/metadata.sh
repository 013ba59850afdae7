#!/usr/bin/env bash
# Files benchmark, on a local stack started for it (./depot up, no dashboard), all requests
# through the gateway with a real access token:
#  1. Seed (bench/seed/files.sql): one user with a folder of 100,000 children and 1,000,000 files.
#  2. Listing: one page of 100 children of the 100,000-item folder, at random positions and in
#     every sort order, 4 clients; p50/p95/p99 (target p95 < 50 ms).
#  3. Search: name queries (prefix, fuzzy, common and rare words, with and without filters) over
#     the 1,000,000 files, 4 clients; p50/p95/p99 (target p95 < 100 ms).
#  4. Download URLs: GET /api/files/{id}/download-url for random files from 200 clients: as fast
#     as they can (closed loop: the capacity), and together at a fixed 1,000 req/s (open loop,
#     bench/lua/paced.lua: latency counted from each request's scheduled time); requests/s and p99
#     (target >= 1,000 req/s and p99 < 50 ms).
# Each measurement runs [runs] times for [seconds] each; the report is the median of the runs.
# Usage: bench/metadata.sh [runs] [seconds-per-run]   (defaults 5 and 10). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_stack_up
work=$(mktemp -d)
trap 'bench_stack_down; rm -rf "$work"' EXIT
# shellcheck disable=SC1091
source "$data/run/infra.env"
pg_jar=$(find "${HOME}/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
sql() { java -cp "$pg_jar" bench/seed/RunSql.java "$DEPOT_DB_URL" "$DEPOT_DB_USER" "$@"; }

bench_user
sign_in
root_json=$(curl -fsS -H "Authorization: Bearer $token" "$api/api/folders/root")
root=$(sed -n 's/.*"folder":{"id":"\([^"]*\)".*/\1/p' <<<"$root_json")
owner=$(curl -fsS -H "Authorization: Bearer $token" "$api/api/me" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$root" ] && [ -n "$owner" ] || { echo "could not read the root folder or user id" >&2; exit 1; }

start=$(date +%s.%N)
big=$(sql bench/seed/files.sql "owner=$owner" "root=$root" | tail -1)
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "seeded 1,000,000 files and 1,903 folders in %.1f s\n", e - s }'

# Listing URLs: first pages and pages starting at random children, in each order.
sql /dev/stdin <<SQL >"$work/cursors"
SELECT translate(encode(convert_to('NAME' || chr(10) || rank || chr(10) || id || chr(10) || name_key,
  'UTF8'), 'base64'), chr(10), '')
FROM metadata.items WHERE parent_id = '$big' ORDER BY random() LIMIT 200
SQL
while read -r cursor; do
  c=$(tr -d '\n=' <<<"$cursor" | tr '+/' '-_')
  for order in asc desc; do echo "/api/folders/$big/children?limit=100&order=$order&cursor=$c"; done
done <"$work/cursors" >"$work/list"
for sort in name size modified; do
  for order in asc desc; do echo "/api/folders/$big/children?limit=100&sort=$sort&order=$order"; done
done >>"$work/list"

# Search URLs: rare and common words, fuzzy typos, prefixes, filters.
for q in "invoice%20march%202019%200412" "holiday%20july" "recipe" "contrct%20octobr" "budg" \
    "statement%20december%202024" "0004242" "thesis%20may%202021%200912345" "slides"; do
  echo "/api/search?q=$q"
  echo "/api/search?q=$q&type=file"
done >"$work/search"
echo "/api/search?q=report&folderId=$big" >>"$work/search"

# Download-URL URLs: 1,000 random files.
sql /dev/stdin <<SQL | sed 's|^|/api/files/|; s|$|/download-url|' >"$work/download"
SELECT id FROM metadata.items WHERE kind = 'file' ORDER BY random() LIMIT 1000
SQL

echo "warm-up (the JIT needs tens of thousands of requests on each path)"
PATHS_FILE="$work/download" wrk -t2 -c64 -d60s -s bench/lua/paths.lua -H "Authorization: Bearer $token" "$api" >/dev/null
PATHS_FILE="$work/list" wrk -t2 -c4 -d20s -s bench/lua/paths.lua -H "Authorization: Bearer $token" "$api" >/dev/null
PATHS_FILE="$work/search" wrk -t2 -c4 -d20s -s bench/lua/paths.lua -H "Authorization: Bearer $token" "$api" >/dev/null

for name in list search download paced; do
  case "$name" in download | paced) clients=200 ;; *) clients=4 ;; esac
  : >"$work/$name.results"
  for i in $(seq 1 "$runs"); do
    sign_in
    if [ "$name" = paced ]; then
      line=$(measure_paced "$name" "$clients" 1000 "$work/download" "$api")
    else
      line=$(measure "$name" "$clients" "$work/$name" "$api")
    fi
    echo "$line" >>"$work/$name.results"
    echo "$name run $i ($clients clients): ${line#RESULT }"
  done
done
for name in list search download paced; do
  printf '%-8s median of %s runs: %8.1f req/s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms\n' \
    "$name" "$runs" \
    "$(field rps <"$work/$name.results" | median)" "$(field p50_ms <"$work/$name.results" | median)" \
    "$(field p95_ms <"$work/$name.results" | median)" "$(field p99_ms <"$work/$name.results" | median)"
done
echo "(download: 200 clients as fast as they can; paced: download URLs, 200 clients at 1,000 req/s in all)"
echo "(targets: list p95 < 50 ms; search p95 < 100 ms; download URLs >= 1,000 req/s with p99 < 50 ms)"
