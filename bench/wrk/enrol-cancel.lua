-- Item 1: each connection enrols its own resident in the 10,000-place course, then cancels, and so on.
-- Run with -t N -c N (one connection per thread).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local activity = os.getenv("BENCH_ACTIVITY")
local resident, enrollment

function init(args)
   local n = 0
   for line in io.lines(os.getenv("BENCH_STATE") .. "/write-enrol.txt") do
      if n == id then resident = line:match("(%S+)") end
      n = n + 1
   end
end

function request()
   if enrollment then
      return wrk.format("POST", "/api/v1/enrollments/" .. enrollment .. "/cancel", json_headers(), "")
   end
   return wrk.format("POST", "/api/v1/activities/" .. activity .. "/enrollments", json_headers(), '{"participantId":"' .. resident .. '"}')
end

function response(status, headers, body)
   count(status)
   if enrollment then
      enrollment = nil
   elseif status == 201 then
      enrollment = body:match('"id":"([^"]+)"')
   end
end
