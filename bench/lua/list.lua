package.path = os.getenv("BENCH_DIR") .. "/lua/?.lua;" .. package.path
local common = require("common")
local staff, cities, i
init = function()
  staff = common.lines(os.getenv("STAFF_TOKEN"))[1]
  cities = {"Portland", "Seattle", "Austin", "Boston", "Toronto", "London"}
  i = 0
end
request = function()
  i = i % #cities + 1
  return wrk.format("GET", "/api/v1/customers/?city=" .. cities[i] .. "&is_verified=true&page_size=20&ordering=-created_at",
    {["Authorization"] = "Bearer " .. staff})
end
delay = common.delay()
done = common.done
