-- A log line of the current attempt only: ARGV[3] lease token, ARGV[4] line, ARGV[5] job id,
-- ARGV[6] the most lines kept (the oldest are dropped).
local id = ARGV[5]
if redis.call('HGET', jobKey(id), 'token') == ARGV[3] then
  local lk = logsKey(id)
  redis.call('RPUSH', lk, ARGV[4])
  redis.call('LTRIM', lk, -tonumber(ARGV[6]), -1)
  return {1}
end
return {0}
