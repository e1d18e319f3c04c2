-- Active jobs whose lease expired (their worker died or lost Redis) count a failed attempt and are
-- retried or failed. ARGV[3] the most to handle in one call. Returns {retried, failed}.
local expired = redis.call('ZRANGEBYSCORE', activeKey, '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local retried, failed = 0, 0
for _, id in ipairs(expired) do
  redis.call('ZREM', activeKey, id)
  if redis.call('EXISTS', jobKey(id)) == 1 then
    if failAttempt(id, 'stalled: worker lost', '', false) == 2 then
      retried = retried + 1
    else
      failed = failed + 1
    end
  end
end
if retried > 0 then
  notify()
end
return {retried, failed}
