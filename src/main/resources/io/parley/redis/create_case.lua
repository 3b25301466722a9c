-- Writes a new case (its number was taken with INCR) and its indexes. Cases never expire.
-- KEYS[1] case hash, KEYS[2] case history list, KEYS[3] the conversation's case index (zset),
-- KEYS[4] open-cases index (zset by due time), KEYS[5] the customer's case index (zset; unused
-- when the case names no customer)
-- ARGV[1] header JSON, ARGV[2] first status change JSON, ARGV[3] case id, ARGV[4] created millis,
-- ARGV[5] due score, ARGV[6] status, ARGV[7] '1' when the status is open,
-- ARGV[8] the customer reference or ''
redis.call('HSET', KEYS[1], 'header', ARGV[1], 'status', ARGV[6], 'due', ARGV[5])
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
if ARGV[8] ~= '' then
  redis.call('ZADD', KEYS[5], ARGV[4], ARGV[3])
end
if ARGV[7] == '1' then
  redis.call('ZADD', KEYS[4], ARGV[5], ARGV[3])
end
return 1
