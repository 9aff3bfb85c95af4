-- Read which scheduled jobs of a queue are due, and when the next one after them is. Reads only.
-- KEYS[1] rq:scheduled:<q>
-- ARGV[1] now, integer epoch seconds: entries scored <= now are due (RQ: ZRANGEBYSCORE key 0 now)
-- ARGV[2] at most how many due ids to return (RQ takes 1000 per pass)
-- Returns { next score after the due ones or '' when none, id1, score1, id2, score2, ... }
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
local nextDue = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
local reply = { nextDue[2] or '' }
for i = 1, #due do
  reply[#reply + 1] = due[i]
end
return reply
