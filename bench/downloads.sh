#!/usr/bin/env bash
# Download benchmark (issue "Downloads"), against the local stack, side by side with nginx
# sending the same blob files from the object store's own directory (sendfile):
#   1. one 1 GiB download (curl) through the URL the API hands out (the gateway in the local
#      run), download-service alone, and the edge (docker/nginx/edge.conf) cold and warm; the
#      object store's own GET of the same object, the ceiling of every cold read; and nginx
#      relaying that GET, what a proxy in front of the store reaches on the same cores;
#   2. 64 concurrent clients (wrk) on 64 different 1 MiB objects, the same paths;
#   3. 10,000 concurrent slow downloads held open, with download-service's RSS and
#      descriptors (and the edge's, when they go through it).
# Usage: bench/downloads.sh [runs] [hold-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
hold="${2:-60}"
seconds=10
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

work=$(mktemp -d)
mkdir -p "$work/body"
trap 'nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; bench_stack_down; rm -rf "$work"' EXIT
reference=http://127.0.0.1:18090
relay=http://127.0.0.1:18091
direct=http://127.0.0.1:8084
edge=http://127.0.0.1:8088

export DEPOT_DEFAULT_QUOTA=1TB
bench_stack_up
# The S3 server's address, bucket and keys, as the services were given them.
source "$data/run/infra.env"
root=$(cd "$data/s3/depot" && pwd)
store_host=${DEPOT_S3_ENDPOINT#*://}
sed -e "s|__DIR__|$work|g" -e "s|__ROOT__|$root|g" -e "s|__USER__|$(id -un)|g" \
  -e "s|__STORE__|$store_host|g" bench/nginx/downloads.conf > "$work/nginx.conf"
nginx -c "$work/nginx.conf"
bench_user
sign_in
download_pid=$(cat "$data/run/download-service.pid")
edge_pids() { pgrep -f "nginx: worker process" -P "$(cat "$data/edge/nginx.pid")" || true; }

# Stores a file of SIZE random bytes through the API (one tus request); prints its download
# path (/dl/<ticket>) and its blob's path for the reference (/blobs/<id>).
store() {
  local size="$1" started url ticket file blob link payload
  head -c "$size" /dev/urandom > "$work/upload.bin"
  started=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$api/api/files" -d "{\"name\":\"f-$RANDOM$RANDOM.bin\",\"size\":$size}")
  url=$(sed -n 's/.*"uploadUrl":"\([^"]*\)".*/\1/p' <<<"$started")
  ticket=$(sed -n 's/.*"ticket":"\([^"]*\)".*/\1/p' <<<"$started")
  file=$(sed -n 's/.*"fileId":"\([^"]*\)".*/\1/p' <<<"$started")
  curl -fsS -o /dev/null -X POST "$url" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" \
    -H "Upload-Metadata: ticket $(printf %s "$ticket" | base64 -w0)" \
    -H 'Content-Type: application/offset+octet-stream' -T "$work/upload.bin"
  # The file is listed once metadata-service has taken the upload's completion from Kafka.
  for _ in $(seq 1 100); do
    link=$(curl -sS -H "Authorization: Bearer $token" \
      "$api/api/files/$file/download-url?expiresIn=86400" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
    [ -n "$link" ] && break
    sleep 0.2
  done
  [ -n "$link" ] || { echo "no download link for $file" >&2; exit 1; }
  payload=$(sed 's|.*/dl/v1\.\([^.]*\)\..*|\1|' <<<"$link" | tr '_-' '/+')
  while [ $((${#payload} % 4)) -ne 0 ]; do payload+="="; done
  blob=$(base64 -d <<<"$payload" | sed -n 's/.*"blob":"\([^"]*\)".*/\1/p')
  echo "${link#*://*/} blobs/$blob"
}

speed() { curl -fsS -o /dev/null -w '%{speed_download}\n' "$1"; }
# The object store's own GET of a blob, signed by curl for the store (Host included), sent to
# BASE: the store itself (what a cold read can reach) or nginx relaying it.
store_speed() {
  curl -fsS -o /dev/null -w '%{speed_download}\n' -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \
    -H "Host: $store_host" --aws-sigv4 "aws:amz:$DEPOT_S3_REGION:s3" \
    --user "$DEPOT_S3_ACCESS_KEY:$DEPOT_S3_SECRET_KEY" "$1/$DEPOT_S3_BUCKET/$2"
}
mbps() { awk "BEGIN{printf \"%.0f\", $1/1e6}"; }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }

read -r big big_blob < <(store 1073741824)
rm -f "$work/upload.bin"
echo "1 GiB download, $runs runs each"
for i in $(seq 1 "$runs"); do
  n=$(speed "$reference/$big_blob"); s=$(store_speed "$DEPOT_S3_ENDPOINT" "$big_blob")
  r=$(store_speed "$relay" "$big_blob")
  g=$(speed "$api/$big"); d=$(speed "$direct/$big")
  rm -rf "$data/edge/cache/edge"/*
  c=$(speed "$edge/$big"); w=$(speed "$edge/$big")
  echo "  run $i: nginx $(mbps "$n") MB/s, object store $(mbps "$s"), nginx relaying it $(mbps "$r"), gateway $(mbps "$g"), download-service $(mbps "$d"), edge cold $(mbps "$c"), edge warm $(mbps "$w")"
  echo "$n" >> "$work/n"; echo "$s" >> "$work/s"; echo "$r" >> "$work/r"; echo "$g" >> "$work/g"; echo "$d" >> "$work/d"; echo "$c" >> "$work/c"; echo "$w" >> "$work/w"
done
n=$(median < "$work/n")
echo "RESULT one-gib nginx_mbps=$(mbps "$n") object_store=$(ratio "$(median < "$work/s")" "$n") nginx_relay=$(ratio "$(median < "$work/r")" "$n") gateway=$(ratio "$(median < "$work/g")" "$n") download_service=$(ratio "$(median < "$work/d")" "$n") edge_cold=$(ratio "$(median < "$work/c")" "$n") edge_warm=$(ratio "$(median < "$work/w")" "$n")"

echo "64 clients on 64 different 1 MiB objects, ${seconds} s, $runs runs each"
: > "$work/links"; : > "$work/blobs"
for i in $(seq 1 64); do
  read -r link blob < <(store 1048576)
  echo "/$link" >> "$work/links"; echo "/$blob" >> "$work/blobs"
done
# The edge's measure is of hits: one pass fills its cache.
PATHS_FILE="$work/links" wrk -t2 -c64 -d3s -s bench/lua/paths.lua "$edge" >/dev/null
for i in $(seq 1 "$runs"); do
  for target in "reference|$reference|blobs" "gateway|$api|links" \
      "download_service|$direct|links" "edge|$edge|links"; do
    IFS='|' read -r name base file <<<"$target"
    out=$(PATHS_FILE="$work/$file" wrk -t2 -c64 -d"${seconds}s" -s bench/lua/paths.lua "$base")
    grep -q 'non2xx=0 ' <<<"$out" || { echo "non-2xx answers from $name: $out" >&2; exit 1; }
    rps=$(grep '^RESULT' <<<"$out" | field rps)
    echo "  run $i: $name $rps req/s"
    echo "$rps" >> "$work/rps-$name"
  done
done
n=$(median < "$work/rps-reference")
echo "RESULT many-1mib nginx_rps=$n gateway=$(ratio "$(median < "$work/rps-gateway")" "$n") download_service=$(ratio "$(median < "$work/rps-download_service")" "$n") edge=$(ratio "$(median < "$work/rps-edge")" "$n")"

slow() {
  local name="$1" base="$2"
  "$java" -XX:+UseSerialGC bench/DownloadLoad.java "$base" "$work/links" 10000 "$hold" > "$work/slow-$name" 2>&1 &
  local driver=$!
  until grep -q SAMPLE "$work/slow-$name" 2>/dev/null; do
    kill -0 $driver 2>/dev/null || { cat "$work/slow-$name"; return 1; }
    sleep 1
  done
  sleep 5
  local rss_kb fds edge_fds=0 pid
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$download_pid/status")
  fds=$(ls "/proc/$download_pid/fd" | wc -l)
  for pid in $(edge_pids); do edge_fds=$((edge_fds + $(ls "/proc/$pid/fd" | wc -l))); done
  wait $driver || true
  grep -E '^(SAMPLE|error)' "$work/slow-$name" | head -4
  echo "RESULT slow-10000-$name $(grep '^RESULT' "$work/slow-$name" | cut -d' ' -f2-) download_service_rss_mb=$((rss_kb / 1024)) download_service_fds=$fds edge_worker_fds=$edge_fds"
}
echo "10,000 concurrent slow downloads held ${hold} s"
slow edge "$edge"
slow download-service "$direct"
