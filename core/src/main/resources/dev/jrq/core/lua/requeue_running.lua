-- Put a running job back at the front of its queue (a worker's cold shutdown), recording it in the job's result
-- stream (type 3, RQ's "stopped") so its history shows the interrupted attempt. Fenced by the lease, like a finish.
-- KEYS[1] rq:job:<id>  KEYS[2] rq:results:<id>  KEYS[3] rq:wip:<q>  KEYS[4] rq:queue:<q>  KEYS[5] rq:queues
-- KEYS[6] rq:worker:<w>
-- ARGV[1] job id  ARGV[2] worker name  ARGV[3] now as an RQ timestamp  ARGV[4] the queue key
-- ARGV[5] base64 of zlib of the reason (exc_string)
-- Returns 1 when requeued, 0 when the job was no longer this worker's.
if not redis.call('ZSCORE', KEYS[3], ARGV[1]) or redis.call('HGET', KEYS[1], 'worker_name') ~= ARGV[2] then
  return 0
end
redis.call('ZREM', KEYS[3], ARGV[1])
add_result(KEYS[2], 'type', '3', 'exc_string', ARGV[5])
redis.call('HSET', KEYS[1], 'status', 'queued', 'enqueued_at', ARGV[3], 'ended_at', ARGV[3])
redis.call('SADD', KEYS[5], ARGV[4])
redis.call('LPUSH', KEYS[4], ARGV[1])
if redis.call('EXISTS', KEYS[6]) == 1 then
  redis.call('HDEL', KEYS[6], 'current_job')
end
return 1
