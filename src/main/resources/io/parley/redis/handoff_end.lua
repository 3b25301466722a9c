-- Ends a handoff if the expected agent still holds it ('' = whoever holds it, or while waiting).
-- KEYS[1] handoff record, KEYS[2] pick-up due times, KEYS[3] the expected agent's set ('' agent: any
-- key), KEYS[4..] every team queue
-- ARGV[1] expected agent, ARGV[2] conversation id, ARGV[3] the agent whose set KEYS[3] is ('' none)
-- Returns {1, record JSON} when ended, {0, ''} otherwise, {-1, ''} when the record's agent is not
-- ARGV[3] (it changed since the caller read it: read again and retry).
local raw = redis.call('GET', KEYS[1])
if not raw then
  return {0, ''}
end
local h = cjson.decode(raw)
if (h.agent or '') ~= ARGV[3] then
  return {-1, ''}
end
if ARGV[1] ~= '' and h.agent ~= ARGV[1] then
  return {0, ''}
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
for i = 4, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[2])
end
if h.agent then
  redis.call('SREM', KEYS[3], ARGV[2])
end
return {1, raw}
