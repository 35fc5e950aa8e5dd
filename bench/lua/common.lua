-- Shared by the scenarios: tokens (and ids) from files named in the environment, optional pacing
-- to an offered rate (LuaJIT's ffi reads the clock), and a one-line JSON summary with the
-- percentiles wrk can compute.
local common = {}

function common.lines(path)
  local items = {}
  for line in io.lines(path) do
    if line ~= "" then items[#items + 1] = line end
  end
  return items
end

-- The requests of a run, formatted once in init from the items (one request each), and a
-- function that hands them out in turn from a random start. Building a request per call took a
-- tenth of a core from the two that wrk shares with the service and PostgreSQL.
function common.formatted(items, format_one)
  local requests = {}
  for k, item in ipairs(items) do requests[k] = format_one(item) end
  local i = math.random(#requests)
  return function()
    i = i % #requests + 1
    return requests[i]
  end
end

local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

-- With RATE set (requests per second for the whole run), the connections of each wrk thread take
-- turns on one schedule of send times, THREADS / RATE seconds apart on the wall clock, so the run
-- offers about RATE whatever the answers' latency (a fixed pause per connection fell short of it
-- by the latency). A connection that finds its turn passed sends at once, without catching up.
-- wrk waits in whole milliseconds, so a request may leave up to 1 ms before its turn.
function common.delay()
  local rate = tonumber(os.getenv("RATE") or "0")
  if rate <= 0 then return nil end
  local interval = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
  local next_turn = nil
  return function()
    local now = now_ms()
    next_turn = math.max(now, (next_turn or now) + interval)
    return next_turn - now
  end
end

function common.done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "status_errors": %d, "p50_ms": %.3f, "p99_ms": %.3f, "p999_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end

return common
