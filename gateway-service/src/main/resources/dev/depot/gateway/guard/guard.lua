-- One round trip per request: is the session on the deny list, and does the request fit in the
-- token buckets of its client address, (if signed in) its user and, for requests that issue
-- signed links, the user's link bucket?
-- KEYS: address bucket, user bucket ("" when anonymous), the sorted set of ended sessions
--       (session id -> epoch ms it matters until; "" when anonymous),
--       link bucket ("" unless the request issues a link),
--       share-link bucket ("" unless the request asks a public link for a download URL)
-- ARGV: address rate/s, address burst, user rate/s, user burst, link rate/s, link burst,
--       share-link rate/s, share-link burst, session id ("" when anonymous)
-- The user is allowed only if both the link and the user buckets allow; a refused link does
-- not cost a user token. A refused share link counts as the user (or anonymous caller) refused.
-- Returns {revoked (0/1), address allowed (0/1), user allowed (0/1), seconds until a token}.
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000

local function take(key, rate, burst)
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
  local allowed = 0
  if tokens >= 1 then
    tokens = tokens - 1
    allowed = 1
  end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('EXPIRE', key, math.ceil(burst / rate) + 1)
  local wait = 0
  if allowed == 0 then
    wait = math.ceil((1 - tokens) / rate)
  end
  return allowed, wait
end

if KEYS[3] ~= '' then
  local ended_until = tonumber(redis.call('ZSCORE', KEYS[3], ARGV[9]))
  if ended_until and ended_until > now * 1000 then
    return {1, 1, 1, 0}
  end
end
local address_ok, address_wait = take(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
local user_ok, user_wait = 1, 0
if KEYS[4] ~= '' then
  user_ok, user_wait = take(KEYS[4], tonumber(ARGV[5]), tonumber(ARGV[6]))
end
if KEYS[5] ~= '' then
  user_ok, user_wait = take(KEYS[5], tonumber(ARGV[7]), tonumber(ARGV[8]))
end
if KEYS[2] ~= '' and user_ok == 1 then
  user_ok, user_wait = take(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
end
return {0, address_ok, user_ok, math.max(address_wait, user_wait)}
