-- The worker's one round trip: records finished attempts, then takes up to n runnable jobs
-- (promoting due delayed ones first) unless the queue is paused.
-- ARGV[3] finished count, then 5 fields each: id, lease token, outcome (c completed, f failed,
-- p failed permanently, r lease handed back), reason, stack trace.
-- Then: n to take, lease grace ms, token salt, completed retention ms (0: delete at once).
-- A finish whose token is not the job's current one (a stale worker) is ignored.
-- Returns {paused, next delayed due (-1 none), code per finish (0 ignored, 1 completed, 2 retried,
-- 3 failed, 4 handed back)..., then 9 fields per taken job: id, type, payload, requestId,
-- attempt, maxAttempts, timeout ms, processAt, token}.
local m = tonumber(ARGV[3])
local p = 4 + m * 5
local take = tonumber(ARGV[p])
local grace = tonumber(ARGV[p + 1])
local salt = ARGV[p + 2]
local completedRetention = tonumber(ARGV[p + 3])
local codes = {}
local requeued = false
for i = 0, m - 1 do
  local o = 4 + i * 5
  local id, token, outcome = ARGV[o], ARGV[o + 1], ARGV[o + 2]
  local jk = jobKey(id)
  local code = 0
  if redis.call('HGET', jk, 'token') == token and redis.call('ZREM', activeKey, id) == 1 then
    if outcome == 'c' then
      if completedRetention <= 0 then
        redis.call('DEL', jk, logsKey(id))
      else
        redis.call('ZADD', completedKey, now, id)
        redis.call('HSET', jk, 'state', 'completed', 'finishedAt', num(now))
        redis.call('HDEL', jk, 'token')
      end
      code = 1
    elseif outcome == 'r' then
      local f = redis.call('HMGET', jk, 'attemptsMade', 'priority', 'seq')
      local made = tonumber(f[1]) - 1
      if made < 0 then made = 0 end
      redis.call('ZADD', waitKey, waitScore(tonumber(f[2]), tonumber(f[3])), id)
      redis.call('HSET', jk, 'state', 'waiting', 'attemptsMade', made, 'processAt', num(now))
      redis.call('HDEL', jk, 'token')
      requeued = true
      code = 4
    else
      code = failAttempt(id, ARGV[o + 3], ARGV[o + 4], outcome == 'p')
      requeued = true
    end
  end
  codes[#codes + 1] = code
end
promoteDue(1000)
local paused = redis.call('HEXISTS', metaKey, 'paused')
local out = {paused, -1}
for _, c in ipairs(codes) do
  out[#out + 1] = c
end
if paused == 0 and take > 0 then
  local popped = redis.call('ZPOPMIN', waitKey, take)
  for i = 1, #popped, 2 do
    local id = popped[i]
    local jk = jobKey(id)
    local f = redis.call('HMGET', jk, 'type', 'payload', 'requestId', 'attemptsMade',
      'maxAttempts', 'timeout', 'processAt')
    if f[1] then
      local attempt = tonumber(f[4]) + 1
      local token = attempt .. ':' .. salt .. ':' .. i
      redis.call('ZADD', activeKey, num(now + tonumber(f[6]) + grace), id)
      redis.call('HSET', jk, 'state', 'active', 'attemptsMade', attempt, 'token', token,
        'takenAt', num(now))
      out[#out + 1] = id
      out[#out + 1] = f[1]
      out[#out + 1] = f[2] or '{}'
      out[#out + 1] = f[3] or ''
      out[#out + 1] = attempt
      out[#out + 1] = f[5]
      out[#out + 1] = f[6]
      out[#out + 1] = f[7] or num(now)
      out[#out + 1] = token
    end
  end
end
local nextDue = redis.call('ZRANGE', delayedKey, 0, 0, 'WITHSCORES')
if nextDue[2] then
  out[2] = nextDue[2]
end
if requeued then
  notify()
end
return out
