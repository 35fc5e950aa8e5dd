package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local ids, staff, i
init = function() ids = common.lines(os.getenv("CUSTOMER_IDS")); staff = common.lines(os.getenv("STAFF_TOKEN"))[1]; i = math.random(#ids) end
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/customers/" .. ids[i] .. "/", {["Authorization"] = "Bearer " .. staff})
end
delay = common.delay()
done = common.done
