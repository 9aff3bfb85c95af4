-- Pause or resume a recurring schedule. Pausing takes it out of jrq:schedules:next; resuming puts it back with
-- the next run given (ticks missed while paused are skipped, not caught up).
-- KEYS[1] jrq:schedule:<name>
-- KEYS[2] jrq:schedules:next
-- ARGV[1] name
-- ARGV[2] '1' to pause, '0' to resume
-- ARGV[3] next run when resuming, epoch ms
-- Returns -1 no such schedule, 0 already in that state, 1 changed.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
if redis.call('HGET', KEYS[1], 'paused') == ARGV[2] then
  return 0
end
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'paused', '1')
  redis.call('ZREM', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'paused', '0', 'next_run', ARGV[3])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
end
return 1
