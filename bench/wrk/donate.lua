-- Item 1: donations of 1 yuan by one resident to the bench fund, each with a payment reference of its own.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local fund = os.getenv("BENCH_FUND")
local donor = os.getenv("BENCH_DONOR")
local run = os.getenv("BENCH_RUN_ID")
local n = 0
local started = os.time() -- the warm-up's rounds share a run id: each wrk process books references of its own

function request()
   n = n + 1
   local body = string.format('{"donorKind":"RESIDENT","donorId":"%s","amountFen":100,"channel":"WECHAT_PAY","paymentReference":"WRK-%s-%d-%d-%d"}',
      donor, run, started, id, n)
   return wrk.format("POST", "/api/v1/funds/" .. fund .. "/donations", json_headers(), body)
end

function response(status, headers, body)
   count(status)
end
