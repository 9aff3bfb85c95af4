-- Schedule one job for later, as RQ's enqueue_at: save its hash with status 'scheduled' (no enqueued_at),
-- register its queue, and add its id to the queue's ScheduledJobRegistry. One round trip, atomic.
-- KEYS[1] rq:queues             set of queue keys
-- KEYS[2] rq:job:<id>           the job hash
-- KEYS[3] rq:scheduled:<q>      the queue's scheduled registry
-- ARGV[1] the queue key (member of rq:queues)
-- ARGV[2] job id
-- ARGV[3] due time, integer epoch seconds (RQ's score: calendar.timegm, fraction dropped)
-- ARGV[4] the job's created_at, which marks this very call: why: Redisson may resend a script after a
--         timeout, and a replay must change nothing
-- ARGV[5..] field, value, field, value ... of the job hash
-- Returns 1.
if redis.call('HGET', KEYS[2], 'created_at') == ARGV[4] then
  return 1
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return 1
