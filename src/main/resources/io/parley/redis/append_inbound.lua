-- Appends a customer entry unless its idempotency key was seen: one round trip for the entry, the
-- de-duplication record, the TTLs and the notification.
-- KEYS[1] conversation hash, KEYS[2] transcript list, KEYS[3] idempotency key
-- ARGV[1] entry JSON without seq, ARGV[2] conversation TTL s, ARGV[3] idempotency TTL s,
-- ARGV[4] events channel, ARGV[5] conversation id, ARGV[6] '1' when an idempotency key is given
-- Returns {-1} (no conversation), {0, earlier seq, state, ver} (duplicate) or {1, seq, state, ver}.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return {-1}
end
local ver = tonumber(redis.call('HGET', KEYS[1], 'ver'))
if ARGV[6] == '1' then
  local seen = redis.call('GET', KEYS[3])
  if seen then
    return {0, tonumber(seen), state, ver}
  end
end
local seq = redis.call('LLEN', KEYS[2]) + 1
local entry = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('RPUSH', KEYS[2], entry)
redis.call('HSET', KEYS[1], 'seq', seq)
if ARGV[6] == '1' then
  redis.call('SET', KEYS[3], seq, 'EX', ARGV[3])
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('PUBLISH', ARGV[4], '{"conversationId":"' .. ARGV[5] .. '","entry":' .. entry .. '}')
return {1, seq, state, ver}
