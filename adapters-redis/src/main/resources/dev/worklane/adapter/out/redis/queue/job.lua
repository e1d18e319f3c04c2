-- One job: ARGV[3] id. Returns {} when absent, else {field count, fields and values..., log lines...}.
local id = ARGV[3]
local fields = redis.call('HGETALL', jobKey(id))
if #fields == 0 then
  return {}
end
local out = {#fields}
for _, v in ipairs(fields) do
  out[#out + 1] = v
end
for _, line in ipairs(redis.call('LRANGE', logsKey(id), 0, -1)) do
  out[#out + 1] = line
end
return out
