-- Shared by every queue script. KEYS: meta, wait, delayed, active, completed, failed of one queue
-- (all carry the hash tag {<queue>}, so a script touches one slot); ARGV[1] the queue's key base
-- (job hashes are base..'job:'..id, their logs base..'logs:'..id), ARGV[2] the caller's clock (ms).
local metaKey, waitKey, delayedKey, activeKey, completedKey, failedKey =
  KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local base = ARGV[1]
local now = tonumber(ARGV[2])
-- wait is one sorted set: priority in the high bits, a per-queue sequence in the low 32 (FIFO).
local SEQ_SPAN = 4294967296
local DAY = 86400000

local function num(x)
  return string.format('%.0f', x)
end

local function jobKey(id)
  return base .. 'job:' .. id
end

local function logsKey(id)
  return base .. 'logs:' .. id
end

local function waitScore(priority, seq)
  return num(priority * SEQ_SPAN + (seq % SEQ_SPAN))
end

-- Reserves n sequence numbers; returns the one before the first.
local function reserveSeq(n)
  return redis.call('HINCRBY', metaKey, 'seq', n) - n
end

local function notify()
  redis.call('PUBLISH', base .. 'events', 'jobs')
end

local function zsetOf(state)
  if state == 'waiting' then return waitKey
  elseif state == 'delayed' then return delayedKey
  elseif state == 'active' then return activeKey
  elseif state == 'completed' then return completedKey
  elseif state == 'failed' then return failedKey
  end
  return nil
end

local function makeWaiting(jk, id, seq)
  local priority = tonumber(redis.call('HGET', jk, 'priority') or '0')
  redis.call('ZADD', waitKey, waitScore(priority, seq), id)
  redis.call('HSET', jk, 'state', 'waiting', 'seq', seq)
end

-- Delayed jobs whose time has come become waiting, in due order.
local function promoteDue(limit)
  local due = redis.call('ZRANGEBYSCORE', delayedKey, '-inf', now, 'LIMIT', 0, limit)
  if #due > 0 then
    local first = reserveSeq(#due)
    for i, id in ipairs(due) do
      makeWaiting(jobKey(id), id, first + i)
    end
    redis.call('ZREM', delayedKey, unpack(due))
  end
  return #due
end

-- A failed attempt of a job already out of active: retried after backoff x 3^(n-1) while attempts
-- remain (and the failure is not permanent), else failed for good. 2 = retried, 3 = failed.
local function failAttempt(id, reason, stack, permanent)
  local jk = jobKey(id)
  local f = redis.call('HMGET', jk, 'attemptsMade', 'maxAttempts', 'backoff')
  local made, max, backoff = tonumber(f[1] or '1'), tonumber(f[2] or '1'), tonumber(f[3] or '0')
  redis.call('HSET', jk, 'failedReason', reason)
  if stack ~= '' then
    redis.call('HSET', jk, 'stacktrace', stack)
  else
    redis.call('HDEL', jk, 'stacktrace')
  end
  redis.call('HDEL', jk, 'token')
  if not permanent and made < max then
    local delay = backoff * (3 ^ (made - 1))
    if delay > DAY then delay = DAY end
    local runAt = now + math.floor(delay)
    redis.call('ZADD', delayedKey, num(runAt), id)
    redis.call('HSET', jk, 'state', 'delayed', 'processAt', num(runAt))
    return 2
  end
  redis.call('ZADD', failedKey, now, id)
  redis.call('HSET', jk, 'state', 'failed', 'finishedAt', num(now))
  return 3
end
