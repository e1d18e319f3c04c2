-- Adds jobs unless their id exists in any state (idempotent per queue and id).
-- ARGV[3] a JSON array with one array of strings per job: id, type, payload, requestId, priority,
-- attempts, backoff ms, timeout ms, createdAt ms, runAt ms (one argument: cheap to send).
-- Returns {how many were added}.
local jobs = cjson.decode(ARGV[3])
local n = #jobs
local first = reserveSeq(n)
local added = 0
for i, j in ipairs(jobs) do
  local id = j[1]
  local jk = jobKey(id)
  if redis.call('EXISTS', jk) == 0 then
    local runAt = tonumber(j[10])
    local state = 'waiting'
    if runAt > now then
      state = 'delayed'
      redis.call('ZADD', delayedKey, j[10], id)
    else
      redis.call('ZADD', waitKey, waitScore(tonumber(j[5]), first + i), id)
    end
    -- attemptsMade and progress start absent (0), to keep the hash small.
    redis.call('HSET', jk, 'type', j[2], 'payload', j[3], 'requestId', j[4], 'priority', j[5],
      'maxAttempts', j[6], 'backoff', j[7], 'timeout', j[8], 'createdAt', j[9],
      'processAt', j[10], 'seq', first + i, 'state', state)
    added = added + 1
  end
end
if added > 0 then
  notify()
end
return {added}
