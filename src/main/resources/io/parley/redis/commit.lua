-- Applies a turn: the new state if the version still matches (check-and-set across instances), and
-- the turn's entries, in one round trip.
-- KEYS[1] conversation hash, KEYS[2] transcript list
-- ARGV[1] expected version ('' = append only, no state change), ARGV[2] new state JSON,
-- ARGV[3] TTL s, ARGV[4] events channel, ARGV[5] conversation id, ARGV[6..] entries without seq
-- Returns {-1} (no conversation), {0, state, ver, seq} (version moved on: nothing written) or
-- {1, first seq, state, ver, last seq}.
local state = redis.call('HGET', KEYS[1], 'state')
if not state then
  return {-1}
end
local ver = tonumber(redis.call('HGET', KEYS[1], 'ver'))
if ARGV[1] ~= '' then
  if ver ~= tonumber(ARGV[1]) then
    return {0, state, ver, redis.call('LLEN', KEYS[2])}
  end
  ver = ver + 1
  state = ARGV[2]
  redis.call('HSET', KEYS[1], 'state', state, 'ver', ver)
end
local seq = redis.call('LLEN', KEYS[2])
local first = seq + 1
for i = 6, #ARGV do
  seq = seq + 1
  local entry = '{"seq":' .. seq .. ',' .. string.sub(ARGV[i], 2)
  redis.call('RPUSH', KEYS[2], entry)
  redis.call('PUBLISH', ARGV[4], '{"conversationId":"' .. ARGV[5] .. '","entry":' .. entry .. '}')
end
redis.call('HSET', KEYS[1], 'seq', seq)
redis.call('EXPIRE', KEYS[1], ARGV[3])
if seq > 0 then
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return {1, first, state, ver, seq}
