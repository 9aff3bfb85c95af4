-- Enqueue one job: save its hash (lib/queued_job.lua), register its queue, push its id; or, when it waits for
-- jobs that have not finished, defer it (RQ's layout: status deferred, rq:deferred:<q>, the parents' dependents
-- sets and its own dependencies set). One round trip, atomic.
-- KEYS[1] rq:queues   KEYS[2] rq:job:<id>   KEYS[3] rq:queue:<q>   KEYS[4] rq:deferred:<q>
-- KEYS[5] rq:job::<id>:dependencies
-- KEYS[6 .. 5+p] rq:job:<parent> for each of the p parents; KEYS[6+p .. 5+2p] rq:job:<parent>:dependents
-- ARGV[1] the queue key (member of rq:queues)   ARGV[2] the queue's name (the job's origin)
-- ARGV[3] p, the number of parents   ARGV[4] '1' when failed parents count as done (allow_dependency_failures)
-- ARGV[5 .. 4+p] the parents' ids
-- ARGV[5+p] the job, packed as lib/queued_job.lua reads it
-- Returns 1 when enqueued, 2 when deferred, 0 when refused as a duplicate, -i when parent i does not exist.
local parents = tonumber(ARGV[3])
local job = cmsgpack.unpack(ARGV[5 + parents])
local clash = queued_job_clash(KEYS[2], job, 0)
if clash == 'replayed' then
  return 1
elseif clash == 'duplicate' then
  return 0
end
local job_id = job[1]
local allow_failures = ARGV[4] == '1'
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
      blocked_by, blocked_status = ARGV[4 + i], status
    end
  end
end

redis.call('SADD', KEYS[1], ARGV[1])
save_queued_job(KEYS[2], ARGV[2], job, 0, #job)
if parents > 0 then
  redis.call('SADD', KEYS[5], unpack(ARGV, 5, 4 + parents))
end
if waiting then
  for i = 1, parents do
    if redis.call('HGET', KEYS[5 + i], 'status') ~= 'finished' then
      redis.call('SADD', KEYS[5 + parents + i], job_id)
    end
  end
  redis.call('HSET', KEYS[2], 'status', 'deferred')
  redis.call('HDEL', KEYS[2], 'enqueued_at')
  if blocked_by then
    redis.call('HSET', KEYS[2], 'jrq_blocked_by', blocked_by, 'jrq_blocked_reason',
      'dependency ' .. blocked_by .. ' ended ' .. blocked_status)
  end
  redis.call('ZADD', KEYS[4], redis.call('TIME')[1], job_id)
  return 2
end
if queued_job_flag(job, 0, 'F') then
  redis.call('LPUSH', KEYS[3], job_id)
else
  redis.call('RPUSH', KEYS[3], job_id)
end
return 1
