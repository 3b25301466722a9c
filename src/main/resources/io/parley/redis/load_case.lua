-- KEYS[1] case hash, KEYS[2] case history list. Returns {} or {header, change1, change2, ...}.
local header = redis.call('HGET', KEYS[1], 'header')
if not header then
  return {}
end
local out = {header}
for _, c in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
  out[#out + 1] = c
end
return out
