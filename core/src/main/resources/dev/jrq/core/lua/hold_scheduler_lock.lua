-- Take or keep a queue's scheduler lock, RQ's rq:scheduler-lock:<q> (value = PID, with an expiry), so that one
-- scheduler at a time moves that queue's jobs. RQ 1.13 takes it with SET NX EX and renews it with EXPIRE; JRQ
-- also writes its own unique name beside it, with the same expiry, so that it renews only a lock it holds
-- (two containers may both be PID 1).
-- KEYS[1] rq:scheduler-lock:<q>
-- KEYS[2] jrq:scheduler-lock-owner:<q>
-- ARGV[1] this process's PID (RQ's lock value; Queue.scheduler_pid reads it)
-- ARGV[2] this scheduler's unique name
-- ARGV[3] expiry in milliseconds
-- Returns 1 when this scheduler holds the lock now, 0 when another does.
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[3]) then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  return 1
end
if redis.call('GET', KEYS[1]) == ARGV[1] and redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
  return 1
end
return 0
