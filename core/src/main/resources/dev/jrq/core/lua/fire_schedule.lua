-- Enqueue one tick of a recurring schedule and move the schedule to its next run, atomically. The tick is a
-- compare-and-set on next_run: only the call that finds next_run still equal to the tick it fires enqueues, so
-- any number of schedulers racing (or a resent call) enqueue each tick exactly once.
-- KEYS[1] jrq:schedule:<name>
-- KEYS[2] jrq:schedules:next
-- KEYS[3] rq:queues
-- KEYS[4] rq:job:<id>           the tick's job hash (id = <name>-<tick epoch seconds>)
-- KEYS[5] rq:queue:<q>
-- ARGV[1] name
-- ARGV[2] the tick being fired: the next_run read before, epoch ms
-- ARGV[3] the run after it, epoch ms
-- ARGV[4] the queue key (member of rq:queues)   ARGV[5] the queue's name (the job's origin)
-- ARGV[6] now (RQ timestamp): last_fired_at
-- ARGV[7] now, epoch ms: why: a caller that read the schedule just after another fired it holds the next,
--         future tick; it must not fire that one early
-- ARGV[8] the tick's job, packed as lib/queued_job.lua reads it (its id given: an old hash of that id is replaced)
-- Returns 1 when this call enqueued the tick, 0 when it was fired already, is not due, paused or removed.
if redis.call('HGET', KEYS[1], 'next_run') ~= ARGV[2] or redis.call('HGET', KEYS[1], 'paused') ~= '0'
    or tonumber(ARGV[2]) > tonumber(ARGV[7]) then
  return 0
end
local job = cmsgpack.unpack(ARGV[8])
local job_id = job[1]
redis.call('SADD', KEYS[3], ARGV[4])
save_queued_job(KEYS[4], ARGV[5], job, 0, #job)
if queued_job_flag(job, 0, 'F') then
  redis.call('LPUSH', KEYS[5], job_id)
else
  redis.call('RPUSH', KEYS[5], job_id)
end
redis.call('HSET', KEYS[1], 'next_run', ARGV[3], 'last_run', ARGV[2], 'last_job_id', job_id,
    'last_fired_at', ARGV[6])
redis.call('HINCRBY', KEYS[1], 'runs', 1)
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return 1
