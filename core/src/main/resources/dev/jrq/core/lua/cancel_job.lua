-- Cancel a job that has not started: out of its queue and the deferred/scheduled registries, into canceled.
-- KEYS[1] rq:job:<id>  KEYS[2] rq:queue:<q>  KEYS[3] rq:deferred:<q>  KEYS[4] rq:scheduled:<q>
-- KEYS[5] rq:canceled:<q>   KEYS[6] rq:job:<id>:dependents   KEYS[7] rq:queues
-- ARGV[1] job id   ARGV[2] now, epoch seconds   ARGV[3] now as an RQ timestamp
-- ARGV[4..6] the key layout for the dependents: job prefix, queue prefix, deferred prefix
-- ARGV[7..] the statuses a job may be canceled from
-- Its dependents are settled: blocked (marked), or released when they allow dependency failures.
-- Returns the job's status before the call ('' when there is no job); it was canceled when that status is
-- one of ARGV[7..].
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return ''
end
for i = 7, #ARGV do
  if status == ARGV[i] then
    redis.call('LREM', KEYS[2], 0, ARGV[1])
    redis.call('ZREM', KEYS[3], ARGV[1])
    redis.call('ZREM', KEYS[4], ARGV[1])
    redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
    redis.call('HSET', KEYS[1], 'status', 'canceled')
    settle_dependents(ARGV[1], 'canceled', KEYS[6],
      {job = ARGV[4], queue = ARGV[5], deferred = ARGV[6], queues = KEYS[7]}, ARGV[3])
    return status
  end
end
return status
