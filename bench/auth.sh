#!/usr/bin/env bash
# Accounts benchmark, on a local stack started for it (./depot up, no dashboard):
#  1. Gateway JWT overhead: requests/s of GET /api/me (an authenticated endpoint that does no
#     work) through the gateway vs. the same endpoint on metadata-service directly. Runs
#     alternate; the report is the median of each side and their ratio (target >= 0.70). As a
#     reference for what any extra hop costs on this machine, nginx proxying to the same
#     endpoint (no token check, no rate limit) is measured in the same runs.
#  2. Login latency with the configured Argon2id parameters: POST /api/auth/login through the
#     gateway, one client and four concurrent clients; p50/p95/p99 (target p95 < 300 ms).
# Usage: bench/auth.sh [runs] [seconds-per-run]   (defaults 5 and 10). Needs wrk and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
seconds="${2:-10}"
data=.depot-bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }

# The gateway's rate limits are part of every request's cost but must not refuse the benchmark.
export DEPOT_GATEWAY_RATELIMIT_PERUSERPERSECOND=1000000 DEPOT_GATEWAY_RATELIMIT_PERUSERBURST=1000000
export DEPOT_GATEWAY_RATELIMIT_PERIPPERSECOND=1000000 DEPOT_GATEWAY_RATELIMIT_PERIPBURST=1000000
# Production JIT (C2) instead of the quick-start options of the local run.
export DEPOT_SERVICE_JVM_OPTS="-Xss512k -XX:MaxRAMPercentage=10"
DEPOT_NO_DASHBOARD=1 ./depot up --fresh --detach --data-dir "$data" >/dev/null 2>&1
ngx=$(mktemp -d)
cat >"$ngx/nginx.conf" <<CONF
worker_processes 1;
error_log $ngx/error.log;
pid $ngx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  upstream metadata { server 127.0.0.1:8082; keepalive 64; }
  server {
    listen 127.0.0.1:18090;
    location / { proxy_pass http://metadata; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
"$nginx" -c "$ngx/nginx.conf" -p "$ngx"
trap '"$nginx" -c "$ngx/nginx.conf" -p "$ngx" -s stop; ./depot down --data-dir "$data" >/dev/null 2>&1' EXIT

api=http://127.0.0.1:8080
id="bench$RANDOM$RANDOM"
password="Benchmark secret $RANDOM-$RANDOM"
curl -fsS -o /dev/null -H 'Content-Type: application/json' "$api/api/auth/signup" \
  -d "{\"email\":\"$id@example.org\",\"username\":\"$id\",\"password\":\"$password\"}"
login_body="{\"login\":\"$id\",\"password\":\"$password\"}"
sign_in() { # a fresh access token (they live 15 minutes)
  token=$(curl -fsS -H 'Content-Type: application/json' "$api/api/auth/login" -d "$login_body" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "login failed" >&2; exit 1; }
}

measure() { # url -> requests/s (fails on any non-2xx answer)
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" -s bench/lua/status.lua -H "Authorization: Bearer $token" "$1")
  grep -q 'non2xx=0 ' <<<"$out" || { echo "non-2xx answers from $1: $out" >&2; exit 1; }
  sed -n 's/^RESULT rps=\([0-9.]*\).*/\1/p' <<<"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }

sign_in
echo "warm-up (the JIT needs tens of thousands of requests on each path)"
wrk -t2 -c32 -d90s -H "Authorization: Bearer $token" "$api/api/me" >/dev/null
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" http://127.0.0.1:8082/api/me >/dev/null
direct=() gateway=() proxy=()
for i in $(seq 1 "$runs"); do
  sign_in
  d=$(measure http://127.0.0.1:8082/api/me)
  g=$(measure "$api/api/me")
  n=$(measure http://127.0.0.1:18090/api/me)
  direct+=("$d") gateway+=("$g") proxy+=("$n")
  printf 'run %d: direct %8.1f   gateway %8.1f   nginx proxy %8.1f req/s\n' "$i" "$d" "$g" "$n"
done
md=$(printf '%s\n' "${direct[@]}" | median)
mg=$(printf '%s\n' "${gateway[@]}" | median)
mn=$(printf '%s\n' "${proxy[@]}" | median)
awk -v d="$md" -v g="$mg" -v n="$mn" 'BEGIN {
  printf "through the gateway: median %.1f vs direct %.1f req/s = %.2fx (target >= 0.70)\n", g, d, g / d
  printf "reference, nginx proxy without checks: %.1f req/s = %.2fx of direct\n", n, n / d }'
sign_in

for clients in 1 4; do
  LOGIN_BODY="$login_body" wrk -t1 -c"$clients" -d"${seconds}s" -s bench/lua/login.lua \
    "$api/api/auth/login" | sed -n "s/^LOGIN /login, $clients client(s): /p"
done
echo "(target: p95 < 300 ms)"
