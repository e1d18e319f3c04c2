-- Deletes completed or failed jobs (ARGV[3] 'completed' | 'failed') finished at or before
-- ARGV[4] (ms), at most ARGV[5] per call. Returns how many.
local key = zsetOf(ARGV[3])
local old = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[4], 'LIMIT', 0, tonumber(ARGV[5]))
for _, id in ipairs(old) do
  redis.call('DEL', jobKey(id), logsKey(id))
end
if #old > 0 then
  redis.call('ZREM', key, unpack(old))
end
return {#old}
