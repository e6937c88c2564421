-- Items 2 and 4: GET one path (BENCH_PATH); with BENCH_LIMIT, each thread stops after that many answers.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local path = os.getenv("BENCH_PATH")
local limit = tonumber(os.getenv("BENCH_LIMIT") or "0")
local answers = 0

function request()
   return wrk.format("GET", path, { ["Accept"] = "application/json" })
end

function response(status, headers, body)
   count(status)
   answers = answers + 1
   if limit > 0 and answers >= limit then wrk.thread:stop() end
end
