-- One administrative transition: ARGV[3] action, ARGV[4] job id (or batch size for retry-all and
-- clean). Job actions return {1} done, {0} not found, {-1} wrong state; batch actions {how many}.
local action = ARGV[3]

local function retryFailed(id)
  local jk = jobKey(id)
  redis.call('ZREM', failedKey, id)
  redis.call('HSET', jk, 'attemptsMade', 0, 'processAt', num(now))
  redis.call('HDEL', jk, 'finishedAt', 'token')
  makeWaiting(jk, id, reserveSeq(1) + 1)
end

if action == 'pause' then
  redis.call('HSET', metaKey, 'paused', 1)
  return {1}
elseif action == 'resume' then
  redis.call('HDEL', metaKey, 'paused')
  notify()
  return {1}
elseif action == 'retry-all' then
  local ids = redis.call('ZRANGE', failedKey, 0, tonumber(ARGV[4]) - 1)
  for _, id in ipairs(ids) do
    retryFailed(id)
  end
  if #ids > 0 then notify() end
  return {#ids}
elseif action == 'clean' then
  local ids = redis.call('ZRANGE', completedKey, 0, tonumber(ARGV[4]) - 1)
  for _, id in ipairs(ids) do
    redis.call('DEL', jobKey(id), logsKey(id))
  end
  if #ids > 0 then redis.call('ZREM', completedKey, unpack(ids)) end
  return {#ids}
end

local id = ARGV[4]
local jk = jobKey(id)
local state = redis.call('HGET', jk, 'state')
if not state then
  return {0}
end
if action == 'retry' then
  if state ~= 'failed' then return {-1} end
  retryFailed(id)
  notify()
  return {1}
elseif action == 'promote' then
  if state ~= 'delayed' then return {-1} end
  redis.call('ZREM', delayedKey, id)
  redis.call('HSET', jk, 'processAt', num(now))
  makeWaiting(jk, id, reserveSeq(1) + 1)
  notify()
  return {1}
elseif action == 'remove' then
  if state == 'active' then return {-1} end
  local key = zsetOf(state)
  if key then redis.call('ZREM', key, id) end
  redis.call('DEL', jk, logsKey(id))
  return {1}
end
return redis.error_reply('unknown action ' .. action)
