-- Enqueue one job: save its hash, register its queue, push its id; or, when it waits for jobs that have not
-- finished, defer it (RQ's layout: status deferred, rq:deferred:<q>, the parents' dependents sets and its own
-- dependencies set). One round trip, atomic.
-- KEYS[1] rq:queues   KEYS[2] rq:job:<id>   KEYS[3] rq:queue:<q>   KEYS[4] rq:deferred:<q>
-- KEYS[5] rq:job::<id>:dependencies
-- KEYS[6 .. 5+p] rq:job:<parent> for each of the p parents; KEYS[6+p .. 5+2p] rq:job:<parent>:dependents
-- ARGV[1] the queue key (member of rq:queues)
-- ARGV[2] job id
-- ARGV[3] '1' to push at the front (LPUSH), '0' for the tail (RPUSH)
-- ARGV[4] ttl in seconds while queued, '0' for none
-- ARGV[5] '1' to refuse when the job hash exists already (unique job id), '0' to overwrite
-- ARGV[6] the job's created_at, which marks this very call: why: Redisson may resend a script after a
--         timeout, and a replay must not push the id twice
-- ARGV[7] p, the number of parents   ARGV[8] '1' when failed parents count as done (allow_dependency_failures)
-- ARGV[9 .. 8+p] the parents' ids
-- ARGV[9+p ..] field, value, field, value ... of the job hash (status queued, with enqueued_at)
-- Returns 1 when enqueued, 2 when deferred, 0 when refused as a duplicate, -i when parent i does not exist.
if redis.call('HGET', KEYS[2], 'created_at') == ARGV[6] then
  return 1
end
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
local parents = tonumber(ARGV[7])
local allow_failures = ARGV[8] == '1'
local waiting = false
local blocked_by, blocked_status
for i = 1, parents do
  local status = redis.call('HGET', KEYS[5 + i], 'status')
  if not status then
    return -i
  end
  local ended_badly = status == 'failed' or status == 'stopped' or status == 'canceled'
  if status ~= 'finished' and not (ended_badly and allow_failures) then
    waiting = true
    if ended_badly and not blocked_by then
      blocked_by, blocked_status = ARGV[8 + i], status
    end
  end
end

redis.call('SADD', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 9 + parents))
if tonumber(ARGV[4]) > 0 then
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
if parents > 0 then
  redis.call('SADD', KEYS[5], unpack(ARGV, 9, 8 + parents))
end
if waiting then
  for i = 1, parents do
    if redis.call('HGET', KEYS[5 + i], 'status') ~= 'finished' then
      redis.call('SADD', KEYS[5 + parents + i], ARGV[2])
    end
  end
  redis.call('HSET', KEYS[2], 'status', 'deferred')
  redis.call('HDEL', KEYS[2], 'enqueued_at')
  if blocked_by then
    redis.call('HSET', KEYS[2], 'jrq_blocked_by', blocked_by, 'jrq_blocked_reason',
      'dependency ' .. blocked_by .. ' ended ' .. blocked_status)
  end
  redis.call('ZADD', KEYS[4], redis.call('TIME')[1], ARGV[2])
  return 2
end
if ARGV[3] == '1' then
  redis.call('LPUSH', KEYS[3], ARGV[2])
else
  redis.call('RPUSH', KEYS[3], ARGV[2])
end
return 1
