package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
-- ONE_CUSTOMER set: every increment goes to the first id (the counter row is the hot spot).
local ids, staff, i
init = function() ids = common.lines(os.getenv("CUSTOMER_IDS")); staff = common.lines(os.getenv("STAFF_TOKEN"))[1]; i = math.random(#ids) end
request = function()
  local id = ids[1]
  if not os.getenv("ONE_CUSTOMER") then i = i % #ids + 1; id = ids[i] end
  return wrk.format("POST", "/api/v1/customers/" .. id .. "/increment_service/",
    {["Authorization"] = "Bearer " .. staff, ["Content-Type"] = "application/json"}, '{"service_type": "bench"}')
end
delay = common.delay()
done = common.done
