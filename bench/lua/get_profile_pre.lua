package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local requests, i
init = function()
  requests = {}
  for _, token in ipairs(common.lines(os.getenv("CUSTOMER_TOKENS"))) do
    requests[#requests + 1] = wrk.format("GET", "/api/v1/customers/profile/", {["Authorization"] = "Bearer " .. token})
  end
  i = math.random(#requests)
end
request = function()
  i = i % #requests + 1
  return requests[i]
end
delay = common.delay()
done = common.done
