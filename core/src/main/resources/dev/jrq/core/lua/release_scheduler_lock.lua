-- Let go of a queue's scheduler lock, only when this scheduler holds it.
-- KEYS[1] rq:scheduler-lock:<q>
-- KEYS[2] jrq:scheduler-lock-owner:<q>
-- ARGV[1] this process's PID
-- ARGV[2] this scheduler's unique name
-- Returns 1 when released, 0 when it was not held by this scheduler.
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 1
end
return 0
