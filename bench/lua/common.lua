-- Shared by the scenarios: tokens (and ids) from files named in the environment, optional pacing
-- to an offered rate, and a one-line JSON summary with the percentiles wrk can compute.
local common = {}

function common.lines(path)
  local items = {}
  for line in io.lines(path) do
    if line ~= "" then items[#items + 1] = line end
  end
  return items
end

-- With RATE set (requests per second for the whole run), each connection waits so that the
-- connections together offer about that rate: an approximation of a fixed-rate load.
function common.delay()
  local rate = tonumber(os.getenv("RATE") or "0")
  if rate <= 0 then return nil end
  local connections = tonumber(os.getenv("CONNECTIONS") or "32")
  return function() return 1000 * connections / rate end
end

function common.done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "status_errors": %d, "p50_ms": %.3f, "p99_ms": %.3f, "p999_ms": %.3f, "max_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end

return common
