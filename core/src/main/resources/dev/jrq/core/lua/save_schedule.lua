-- Register or change a recurring schedule. An unchanged definition keeps its next run and its paused state (so
-- every scheduler may load the same file at start-up without moving or repeating a tick); a new or changed one
-- gets the next run given. A paused schedule stays paused.
-- KEYS[1] jrq:schedule:<name>    the schedule's hash
-- KEYS[2] jrq:schedules:next     active schedules by next run (epoch ms)
-- KEYS[3] jrq:schedules          every schedule's name
-- ARGV[1] name
-- ARGV[2] definition (JSON)
-- ARGV[3] next run, epoch milliseconds
-- ARGV[4] now (RQ timestamp), kept as created_at or updated_at
-- Returns 0 unchanged, 1 created, 2 changed.
local before = redis.call('HGET', KEYS[1], 'definition')
if before == ARGV[2] then
  return 0
end
redis.call('HSET', KEYS[1], 'definition', ARGV[2], 'next_run', ARGV[3], 'updated_at', ARGV[4])
redis.call('SADD', KEYS[3], ARGV[1])
if not before then
  redis.call('HSET', KEYS[1], 'created_at', ARGV[4], 'paused', '0', 'runs', '0')
end
if redis.call('HGET', KEYS[1], 'paused') ~= '1' then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
end
if before then
  return 2
end
return 1
