# Shared by the benchmarks: sourced after `cd` to the repository root. Starts the local stack the
# benchmark measures, signs a user up and in, and summarises runs.
# Usage in a benchmark: source bench/lib.sh; bench_stack_up; bench_user; sign_in ...

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
runs="${1:-5}"
seconds="${2:-10}"
data=.depot-bench
api=http://127.0.0.1:8080

# A fresh stack (no dashboard) with production JIT (C2), for the services and the local
# infrastructure, instead of the local run's quick-start options, and gateway rate limits that
# are paid on every request but never refuse one.
bench_stack_up() {
  export DEPOT_GATEWAY_RATELIMIT_PERUSERPERSECOND=1000000 DEPOT_GATEWAY_RATELIMIT_PERUSERBURST=1000000
  export DEPOT_GATEWAY_RATELIMIT_PERIPPERSECOND=1000000 DEPOT_GATEWAY_RATELIMIT_PERIPBURST=1000000
  export DEPOT_GATEWAY_RATELIMIT_LINKSPERUSERPERSECOND=1000000 DEPOT_GATEWAY_RATELIMIT_LINKSPERUSERBURST=1000000
  export DEPOT_SERVICE_JVM_OPTS="-Xss512k -XX:MaxRAMPercentage=10"
  export DEPOT_INFRA_JVM_OPTS="-XX:+UseParallelGC"
  DEPOT_NO_DASHBOARD=1 ./depot up --fresh --detach --data-dir "$data" >/dev/null 2>&1
}

bench_stack_down() {
  ./depot down --data-dir "$data" >/dev/null 2>&1
}

# Signs a new user up; sets $login_body for sign_in.
bench_user() {
  local id="bench$RANDOM$RANDOM" password="Benchmark secret $RANDOM-$RANDOM"
  curl -fsS -o /dev/null -H 'Content-Type: application/json' "$api/api/auth/signup" \
    -d "{\"email\":\"$id@example.org\",\"username\":\"$id\",\"password\":\"$password\"}"
  login_body="{\"login\":\"$id\",\"password\":\"$password\"}"
}

# A fresh access token in $token (they live 15 minutes).
sign_in() {
  token=$(curl -fsS -H 'Content-Type: application/json' "$api/api/auth/login" -d "$login_body" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || { echo "login failed" >&2; exit 1; }
}

# wrk with the token against a URL; prints the RESULT line of its script and fails on any non-2xx
# answer. Usage: checked_wrk NAME URL WRK_OPTIONS...
checked_wrk() {
  local name="$1" url="$2" out
  shift 2
  out=$(wrk "$@" -H "Authorization: Bearer $token" "$url")
  grep -q 'non2xx=0 ' <<<"$out" || { echo "non-2xx answers in $name: $out" >&2; exit 1; }
  grep '^RESULT' <<<"$out"
}

# wrk over the paths in a file against a base URL, each client as fast as it can (closed loop).
# Usage: measure NAME CLIENTS PATHS_FILE BASE_URL
measure() {
  PATHS_FILE="$3" checked_wrk "$1" "$4" -t2 -c"$2" -d"${seconds}s" -s bench/lua/paths.lua
}

# The same at a fixed total rate (open loop, bench/lua/paced.lua), one connection per wrk thread.
# Usage: measure_paced NAME CLIENTS RATE PATHS_FILE BASE_URL
measure_paced() {
  PATHS_FILE="$4" RATE="$3" THREADS="$2" \
    checked_wrk "$1" "$5" -t"$2" -c"$2" -d"${seconds}s" -s bench/lua/paced.lua
}

field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
