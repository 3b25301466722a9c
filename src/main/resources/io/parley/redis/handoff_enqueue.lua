-- Queues a handoff unless the conversation already has one.
-- KEYS[1] handoff record, KEYS[2] team queue, KEYS[3] pick-up due times
-- ARGV[1] record JSON, ARGV[2] conversation id, ARGV[3] waiting-since ms, ARGV[4] due ms, ARGV[5] TTL s
-- Returns 1 when queued, 0 when a handoff existed.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
return 1
