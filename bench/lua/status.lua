-- Counts non-2xx answers so that a rate-limited or refused run cannot pass for a fast one.
local failures = 0

function response(status, headers, body)
  if status >= 300 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f requests=%d non2xx=%d p99_ms=%.1f\n",
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status, latency:percentile(99) / 1000))
end
