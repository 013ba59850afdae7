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
source bench/lib.sh
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
bench_stack_up
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
trap '"$nginx" -c "$ngx/nginx.conf" -p "$ngx" -s stop; bench_stack_down' EXIT

bench_user
paths=$(mktemp)
echo /api/me >"$paths"
direct_rps() { measure "$1" 32 "$paths" "$1" | field rps; }
sign_in
echo "warm-up (the JIT needs tens of thousands of requests on each path)"
wrk -t2 -c32 -d90s -H "Authorization: Bearer $token" "$api/api/me" >/dev/null
wrk -t2 -c32 -d10s -H "Authorization: Bearer $token" http://127.0.0.1:8082/api/me >/dev/null
direct=() gateway=() proxy=()
for i in $(seq 1 "$runs"); do
  sign_in
  d=$(direct_rps http://127.0.0.1:8082)
  g=$(direct_rps "$api")
  n=$(direct_rps http://127.0.0.1:18090)
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
