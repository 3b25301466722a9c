-- Moves a case to a new status and returns it.
-- KEYS[1] case hash, KEYS[2] case history list, KEYS[3] open-cases index
-- ARGV[1] status, ARGV[2] status change JSON, ARGV[3] case id, ARGV[4] '1' when the new status is open
-- (the due score kept in the case hash orders the open-cases index)
-- Returns {} when there is no such case, else {header, change1, change2, ...}.
local header = redis.call('HGET', KEYS[1], 'header')
if not header then
  return {}
end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[2])
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[3], redis.call('HGET', KEYS[1], 'due'), ARGV[3])
else
  redis.call('ZREM', KEYS[3], ARGV[3])
end
local out = {header}
for _, c in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  out[#out + 1] = c
end
return out
