-- Assigns a waiting handoff to an agent: out of its team's queue and the due times, into the agent's set.
-- KEYS[1] handoff record, KEYS[2] pick-up due times, KEYS[3] the agent's set, KEYS[4..] every team queue
-- ARGV[1] agent, ARGV[2] display name, ARGV[3] assigned-at ISO, ARGV[4] capacity (0: none), ARGV[5] TTL s,
-- ARGV[6] conversation id
-- Returns {outcome, record JSON}: assigned | yours | taken | none | full.
local raw = redis.call('GET', KEYS[1])
if not raw then
  return {'none', ''}
end
local h = cjson.decode(raw)
if h.agent then
  if h.agent == ARGV[1] then
    return {'yours', raw}
  end
  return {'taken', raw}
end
local capacity = tonumber(ARGV[4])
if capacity > 0 and redis.call('SCARD', KEYS[3]) >= capacity then
  return {'full', raw}
end
h.agent = ARGV[1]
h.agentName = ARGV[2]
h.assignedAt = ARGV[3]
h.state = 'assigned'
local out = cjson.encode(h)
redis.call('SET', KEYS[1], out, 'EX', ARGV[5])
redis.call('ZREM', KEYS[2], ARGV[6])
for i = 4, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[6])
end
redis.call('SADD', KEYS[3], ARGV[6])
redis.call('EXPIRE', KEYS[3], ARGV[5])
return {'assigned', out}
