-- Put a failed job back on its queue (RQ's FailedJobRegistry.requeue): out of rq:failed:<q>, status queued.
-- KEYS[1] rq:job:<id>  KEYS[2] rq:failed:<q>  KEYS[3] rq:queue:<q>  KEYS[4] rq:queues
-- ARGV[1] job id   ARGV[2] now as an RQ timestamp   ARGV[3] the queue key   ARGV[4] '1' for the front
-- Returns 1 when requeued, 0 when the job is not in the failed registry, -1 when its hash is gone.
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
redis.call('HDEL', KEYS[1], 'exc_info')
redis.call('HSET', KEYS[1], 'status', 'queued', 'enqueued_at', ARGV[2], 'started_at', '', 'ended_at', '')
redis.call('PERSIST', KEYS[1])
redis.call('SADD', KEYS[4], ARGV[3])
if ARGV[4] == '1' then
  redis.call('LPUSH', KEYS[3], ARGV[1])
else
  redis.call('RPUSH', KEYS[3], ARGV[1])
end
return 1
