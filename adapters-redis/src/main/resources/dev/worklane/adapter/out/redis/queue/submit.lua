-- Adds jobs unless their id exists in any state (idempotent per queue and id).
-- ARGV[3] job count, then 10 fields per job: id, type, payload, requestId, priority, attempts,
-- backoff ms, timeout ms, createdAt ms, runAt ms. Returns how many were added.
local n = tonumber(ARGV[3])
local first = reserveSeq(n)
local added = 0
for i = 0, n - 1 do
  local o = 4 + i * 10
  local id = ARGV[o]
  local jk = jobKey(id)
  if redis.call('EXISTS', jk) == 0 then
    local priority = tonumber(ARGV[o + 4])
    local runAt = tonumber(ARGV[o + 9])
    local seq = first + i + 1
    local state = 'waiting'
    if runAt > now then
      state = 'delayed'
      redis.call('ZADD', delayedKey, ARGV[o + 9], id)
    else
      redis.call('ZADD', waitKey, waitScore(priority, seq), id)
    end
    redis.call('HSET', jk, 'type', ARGV[o + 1], 'payload', ARGV[o + 2], 'requestId', ARGV[o + 3],
      'priority', ARGV[o + 4], 'maxAttempts', ARGV[o + 5], 'backoff', ARGV[o + 6],
      'timeout', ARGV[o + 7], 'createdAt', ARGV[o + 8], 'processAt', ARGV[o + 9], 'seq', seq,
      'attemptsMade', 0, 'progress', 0, 'state', state)
    added = added + 1
  end
end
if added > 0 then
  notify()
end
return {added}
