package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local tokens, i
init = function() tokens = common.lines(os.getenv("CUSTOMER_TOKENS")); i = math.random(#tokens) end
request = function()
  i = i % #tokens + 1
  return wrk.format("GET", "/api/v1/customers/profile/", {["Authorization"] = "Bearer " .. tokens[i]})
end
delay = common.delay()
done = common.done
