-- One page of a state: ARGV[3] state, ARGV[4] start, ARGV[5] stop, ARGV[6] '1' newest first.
-- Returns {total, then 11 fields per job: id, type, state, priority, attemptsMade, maxAttempts,
-- progress, createdAt, processAt, finishedAt, failedReason} ('' when absent).
local key = zsetOf(ARGV[3])
local ids
if ARGV[6] == '1' then
  ids = redis.call('ZREVRANGE', key, ARGV[4], ARGV[5])
else
  ids = redis.call('ZRANGE', key, ARGV[4], ARGV[5])
end
local out = {redis.call('ZCARD', key)}
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', jobKey(id), 'type', 'state', 'priority', 'attemptsMade',
    'maxAttempts', 'progress', 'createdAt', 'processAt', 'finishedAt', 'failedReason')
  out[#out + 1] = id
  for k = 1, 10 do
    out[#out + 1] = f[k] or ''
  end
end
return out
