-- Open-loop load: GETs the paths in $PATHS_FILE at a fixed total rate ($RATE requests/s) spread
-- over wrk's threads, one connection per thread (run with -t N -c N). Each request has a slot in
-- a fixed schedule; a latency is counted from the slot, not from when the request could finally be
-- sent, so a slow answer that delays the next request is not hidden (coordinated omission).
-- Prints achieved throughput, latency percentiles and the count of non-2xx answers.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *ts);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

-- latencies and failures are globals: done() reads them from each thread.
local paths, period, slot, next_index
function init(args)
  paths = {}
  for line in io.lines(os.getenv("PATHS_FILE")) do
    paths[#paths + 1] = line
  end
  local rate = tonumber(os.getenv("RATE")) / tonumber(os.getenv("THREADS"))
  period = 1000 / rate
  -- wrk asks delay() before every request, the first included. Threads start at evenly spread
  -- phases, so the total rate is smooth.
  slot = now_ms() - period + period * id / tonumber(os.getenv("THREADS"))
  latencies, failures = {}, 0
  next_index = (id * 7919) % #paths
end

function delay()
  slot = slot + period
  return math.max(0, slot - now_ms())
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end

function response(status)
  latencies[#latencies + 1] = now_ms() - slot
  if status >= 300 then
    failures = failures + 1
  end
end

function done(summary)
  local all, bad = {}, 0
  for _, thread in ipairs(threads) do
    for _, l in ipairs(thread:get("latencies")) do
      all[#all + 1] = l
    end
    bad = bad + thread:get("failures")
  end
  table.sort(all)
  local function pct(p)
    return all[math.max(1, math.ceil(#all * p / 100))]
  end
  io.write(string.format("RESULT rps=%.1f requests=%d non2xx=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    #all / (summary.duration / 1e6), #all, bad, pct(50), pct(95), pct(99)))
end
