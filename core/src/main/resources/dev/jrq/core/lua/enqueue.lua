-- Enqueue one job: save its hash, register its queue, push its id. One round trip, atomic.
-- KEYS[1] rq:queues            set of queue keys
-- KEYS[2] rq:job:<id>          the job hash
-- KEYS[3] rq:queue:<q>         the queue list
-- ARGV[1] the queue key (member of rq:queues)
-- ARGV[2] job id
-- ARGV[3] '1' to push at the front (LPUSH), '0' for the tail (RPUSH)
-- ARGV[4] ttl in seconds while queued, '0' for none
-- ARGV[5] '1' to refuse when the job hash exists already (unique job id), '0' to overwrite
-- ARGV[6] the job's created_at, which marks this very call: why: Redisson may resend a script after a
--         timeout, and a replay must not push the id twice
-- ARGV[7..] field, value, field, value ... of the job hash
-- Returns 1 when enqueued, 0 when refused as a duplicate.
if redis.call('HGET', KEYS[2], 'created_at') == ARGV[6] then
  return 1
end
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 7))
if tonumber(ARGV[4]) > 0 then
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
if ARGV[3] == '1' then
  redis.call('LPUSH', KEYS[3], ARGV[2])
else
  redis.call('RPUSH', KEYS[3], ARGV[2])
end
return 1
