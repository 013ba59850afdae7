-- GETs the paths listed in $PATHS_FILE (one per line) in turn, each thread from its own offset,
-- and prints throughput, latency percentiles and the count of non-2xx answers.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local next_index = math.random(#paths)
local failures = 0

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

function response(status, headers, body)
  if status >= 300 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f requests=%d non2xx=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    summary.requests / (summary.duration / 1e6), summary.requests, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
