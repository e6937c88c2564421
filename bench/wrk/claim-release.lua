-- Item 1: each connection claims its own plot for its own resident, then releases it again, and so on.
-- One claim and one release make a pair; pairs/s = requests/s / 2. Run with -t N -c N (one connection per thread).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local plot, resident, claim

function init(args)
   local n = 0
   for line in io.lines(os.getenv("BENCH_STATE") .. "/write-claims.txt") do
      if n == id then plot, resident = line:match("(%S+) (%S+)") end
      n = n + 1
   end
end

function request()
   if claim then
      return wrk.format("POST", "/api/v1/claims/" .. claim .. "/release", json_headers(), "")
   end
   return wrk.format("POST", "/api/v1/plots/" .. plot .. "/claims", json_headers(), '{"residentId":"' .. resident .. '"}')
end

function response(status, headers, body)
   count(status)
   if claim then
      claim = nil
   elseif status == 201 then
      claim = body:match('"id":"([^"]+)"')
   end
end
