-- Creates a conversation with its first entries.
-- KEYS[1] conversation hash, KEYS[2] transcript list
-- ARGV[1] state JSON, ARGV[2] TTL seconds, ARGV[3] events channel, ARGV[4] conversation id,
-- ARGV[5..] entries as JSON objects without seq
-- Returns {1, seq} or {0} when the conversation exists.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return {0}
end
redis.call('DEL', KEYS[2])
local seq = 0
for i = 5, #ARGV do
  seq = seq + 1
  local entry = '{"seq":' .. seq .. ',' .. string.sub(ARGV[i], 2)
  redis.call('RPUSH', KEYS[2], entry)
  redis.call('PUBLISH', ARGV[3], '{"conversationId":"' .. ARGV[4] .. '","entry":' .. entry .. '}')
end
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'ver', 0, 'seq', seq)
redis.call('EXPIRE', KEYS[1], ARGV[2])
if seq > 0 then
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
return {1, seq}
