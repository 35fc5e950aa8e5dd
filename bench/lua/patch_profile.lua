package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local tokens, i, n
init = function() tokens = common.lines(os.getenv("CUSTOMER_TOKENS")); i = math.random(#tokens); n = 0 end
request = function()
  i = i % #tokens + 1
  n = n + 1
  return wrk.format("PATCH", "/api/v1/customers/profile/update/",
    {["Authorization"] = "Bearer " .. tokens[i], ["Content-Type"] = "application/json"},
    '{"emergency_contact_name": "Contact ' .. n .. '"}')
end
delay = common.delay()
done = common.done
