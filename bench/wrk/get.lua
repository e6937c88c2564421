-- Item 2: GET one path (BENCH_PATH).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local path = os.getenv("BENCH_PATH")

function request()
   return wrk.format("GET", path, { ["Accept"] = "application/json" })
end

function response(status, headers, body)
   count(status)
end
