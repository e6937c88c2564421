-- Shared by the bench's wrk scripts (loaded with dofile): numbers the threads (a script that keeps per-client
-- state runs one connection per thread), counts 4xx and 5xx answers, and prints one line that bench/run parses.
local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

token = os.getenv("BENCH_TOKEN")

function json_headers()
   local h = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
   if token and token ~= "" then h["Authorization"] = "Bearer " .. token end
   return h
end

function count(status)
   if status >= 500 then
      fivexx = (fivexx or 0) + 1
   elseif status >= 400 then
      fourxx = (fourxx or 0) + 1
   end
end

function done(summary, latency, requests)
   local f4, f5 = 0, 0
   for _, t in ipairs(threads) do
      f4 = f4 + (t:get("fourxx") or 0)
      f5 = f5 + (t:get("fivexx") or 0)
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format("WRK requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f 4xx=%d 5xx=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, f4, f5, e.connect + e.read + e.write + e.timeout))
end
