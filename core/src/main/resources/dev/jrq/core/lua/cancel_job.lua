-- Cancel a job that has not started: out of its queue and the deferred/scheduled registries, into canceled.
-- KEYS[1] rq:job:<id>  KEYS[2] rq:queue:<q>  KEYS[3] rq:deferred:<q>  KEYS[4] rq:scheduled:<q>
-- KEYS[5] rq:canceled:<q>
-- ARGV[1] job id   ARGV[2] now, epoch seconds   ARGV[3..] the statuses a job may be canceled from
-- Returns the job's status before the call ('' when there is no job); it was canceled when that status is
-- one of ARGV[3..].
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return ''
end
for i = 3, #ARGV do
  if status == ARGV[i] then
    redis.call('LREM', KEYS[2], 0, ARGV[1])
    redis.call('ZREM', KEYS[3], ARGV[1])
    redis.call('ZREM', KEYS[4], ARGV[1])
    redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
    redis.call('HSET', KEYS[1], 'status', 'canceled')
    return status
  end
end
return status
