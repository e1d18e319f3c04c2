-- Progress of the current attempt only: ARGV[3] lease token, ARGV[4] percent, ARGV[5] job id.
local jk = jobKey(ARGV[5])
if redis.call('HGET', jk, 'token') == ARGV[3] then
  redis.call('HSET', jk, 'progress', ARGV[4])
  return {1}
end
return {0}
