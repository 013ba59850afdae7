#!/usr/bin/env bash
# Upload benchmark (issue "Resumable uploads"), against the local stack with nginx as the edge,
# as in compose (tus straight to upload-service; everything else to the gateway):
#   1. one 1 GiB upload (curl, one PATCH) through the URL the API hands out, side by side with
#      nginx accepting the same PUT to disk; the ratio of the medians is the result. The object
#      store alone (the same file as 16 MiB parts, straight from a client) is measured too: it
#      bounds what any upload through Depot can reach;
#   2. 1,000 concurrent 1 MiB uploads (creation-with-upload), errors counted;
#   3. 10,000 concurrent slow uploads held open, with upload-service's RSS and descriptors.
# Usage: bench/uploads.sh [runs] [hold-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
hold="${2:-60}"
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

work=$(mktemp -d)
mkdir -p "$work/put" "$work/body"
chmod -R a+rwX "$work"   # nginx workers run unprivileged
sed "s|__DIR__|$work|g" bench/nginx/uploads.conf > "$work/nginx.conf"
trap 'nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; bench_stack_down; rm -rf "$work"' EXIT
edge=http://127.0.0.1:18088

export DEPOT_PUBLIC_URL=$edge DEPOT_DEFAULT_QUOTA=1TB
bench_stack_up
nginx -c "$work/nginx.conf"
bench_user
sign_in
upload_pid=$(cat "$data/run/upload-service.pid")

head -c 1073741824 /dev/urandom > "$work/1g.bin"
size=$(stat -c %s "$work/1g.bin")

# One upload through the URL the API hands out: start, create, one PATCH with the whole file.
depot_upload() {
  local started url ticket location
  started=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$edge/api/files" -d "{\"name\":\"big-$RANDOM$RANDOM.bin\",\"size\":$size}")
  url=$(sed -n 's/.*"uploadUrl":"\([^"]*\)".*/\1/p' <<<"$started")
  ticket=$(sed -n 's/.*"ticket":"\([^"]*\)".*/\1/p' <<<"$started")
  location=$(curl -fsS -D - -o /dev/null -X POST "$url" -H 'Tus-Resumable: 1.0.0' \
    -H "Upload-Length: $size" -H "Upload-Metadata: ticket $(printf %s "$ticket" | base64 -w0)" \
    | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  curl -fsS -o /dev/null -w '%{speed_upload}\n' -X PATCH -T "$work/1g.bin" \
    -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
    -H 'Content-Type: application/offset+octet-stream' "${url%/api/uploads}$location"
}

nginx_put() {
  rm -f "$work/put/1g.bin"
  curl -fsS -o /dev/null -w '%{speed_upload}\n' -T "$work/1g.bin" "http://127.0.0.1:18089/1g.bin"
}

s3_ingest() {
  (set -a; source "$data/run/infra.env"; set +a
   "$java" -cp 'upload-service/target/extracted/lib/*' bench/S3Ingest.java "$work/1g.bin")
}

mbps() { awk "BEGIN{printf \"%.0f\", $1/1e6}"; }

echo "1 GiB upload, $runs runs each"
: > "$work/depot" ; : > "$work/nginx"; : > "$work/s3"
for i in $(seq 1 "$runs"); do
  sign_in
  d=$(depot_upload); n=$(nginx_put); s=$(s3_ingest)
  echo "  run $i: depot $(mbps "$d") MB/s, nginx $(mbps "$n") MB/s, object store alone $(mbps "$s") MB/s"
  echo "$d" >> "$work/depot"; echo "$n" >> "$work/nginx"; echo "$s" >> "$work/s3"
done
d=$(median < "$work/depot"); n=$(median < "$work/nginx"); s=$(median < "$work/s3")
echo "RESULT one-gib depot_mbps=$(mbps "$d") nginx_mbps=$(mbps "$n") store_mbps=$(mbps "$s") ratio=$(awk "BEGIN{printf \"%.2f\", $d/$n}") of_store=$(awk "BEGIN{printf \"%.2f\", $d/$s}")"
rm -f "$work/1g.bin" "$work/put/1g.bin"

echo "1,000 concurrent 1 MiB uploads, $runs runs"
for i in $(seq 1 "$runs"); do
  sign_in
  "$java" bench/UploadLoad.java many "$edge" "$token" 1000 1048576 | tee -a "$work/many"
done
grep -q 'errors=0 ' "$work/many" || echo "WARNING: some 1 MiB uploads failed" >&2
echo "RESULT many-1mib median_rps=$(field rps < "$work/many" | median) median_p99_ms=$(field p99 < "$work/many" | median) errors=$(field errors < "$work/many" | paste -sd+ | bc)"

echo "10,000 concurrent slow uploads held ${hold} s"
sign_in
"$java" -XX:+UseSerialGC bench/UploadLoad.java slow "$edge" "$token" 10000 "$hold" > "$work/slow" 2>&1 &
driver=$!
until grep -q SAMPLE "$work/slow" 2>/dev/null; do
  kill -0 $driver 2>/dev/null || { cat "$work/slow"; exit 1; }
  sleep 1
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$upload_pid/status")
fds=$(ls "/proc/$upload_pid/fd" | wc -l)
wait $driver
grep -E '^(HELD|RESULT)' "$work/slow"
echo "RESULT slow-10000 upload_service_rss_mb=$((rss_kb / 1024)) upload_service_fds=$fds"
