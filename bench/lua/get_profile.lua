package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local next_request
init = function()
  next_request = common.formatted(common.lines(os.getenv("CUSTOMER_TOKENS")), function(token)
    return wrk.format("GET", "/api/v1/customers/profile/", {["Authorization"] = "Bearer " .. token})
  end)
end
-- Defined here, not in init, so that wrk knows the script makes its own requests.
request = function() return next_request() end
delay = common.delay()
done = common.done
