-- The worker's one round trip: records finished attempts, then takes up to n runnable jobs
-- (promoting due delayed ones first) unless the queue is paused.
-- ARGV[3] a JSON array of finished attempts, each [id, lease token, outcome, reason, stack trace]
-- (outcome c completed, f failed, p failed permanently, r lease handed back); ARGV[4] n to take,
-- ARGV[5] lease grace ms, ARGV[6] token salt, ARGV[7] completed retention ms (0: delete at once).
-- A finish whose token is not the job's current one (a stale worker) is ignored.
-- Returns one JSON string: [paused, next delayed due (-1 none), [code per finish: 0 ignored,
-- 1 completed, 2 retried, 3 failed, 4 handed back], [id, type, payload, requestId, attempt,
-- maxAttempts, timeout ms, processAt, token] per taken job...].
local finishes = cjson.decode(ARGV[3])
local take = tonumber(ARGV[4])
local grace = tonumber(ARGV[5])
local salt = ARGV[6]
local completedRetention = tonumber(ARGV[7])
local codes = {}
local requeued = false
for i, f in ipairs(finishes) do
  local id, token, outcome = f[1], f[2], f[3]
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
      local h = redis.call('HMGET', jk, 'attemptsMade', 'priority', 'seq')
      local made = tonumber(h[1] or '1') - 1
      if made < 0 then made = 0 end
      redis.call('ZADD', waitKey, waitScore(tonumber(h[2]), tonumber(h[3])), id)
      redis.call('HSET', jk, 'state', 'waiting', 'attemptsMade', made, 'processAt', num(now))
      redis.call('HDEL', jk, 'token')
      requeued = true
      code = 4
    else
      code = failAttempt(id, f[4], f[5], outcome == 'p')
      requeued = true
    end
  end
  codes[i] = code
end
promoteDue(1000)
local paused = redis.call('HEXISTS', metaKey, 'paused')
local taken = {}
if paused == 0 and take > 0 then
  local popped = redis.call('ZPOPMIN', waitKey, take)
  for i = 1, #popped, 2 do
    local id = popped[i]
    local jk = jobKey(id)
    local h = redis.call('HMGET', jk, 'type', 'payload', 'requestId', 'attemptsMade',
      'maxAttempts', 'timeout', 'processAt')
    if h[1] then
      local attempt = tonumber(h[4] or '0') + 1
      local token = attempt .. ':' .. salt .. ':' .. i
      redis.call('ZADD', activeKey, num(now + tonumber(h[6]) + grace), id)
      redis.call('HSET', jk, 'state', 'active', 'attemptsMade', attempt, 'token', token,
        'takenAt', num(now))
      taken[#taken + 1] = {id, h[1], h[2] or '{}', h[3] or '', attempt, h[5], h[6],
        h[7] or num(now), token}
    end
  end
end
local nextDue = -1
local head = redis.call('ZRANGE', delayedKey, 0, 0, 'WITHSCORES')
if head[2] then
  nextDue = tonumber(head[2])
end
if requeued then
  notify()
end
-- cjson writes an empty table as {}: the reader takes either for "none".
return cjson.encode({paused, nextDue, codes, taken})
