-- One heartbeat for a worker process: renew every slot's hash and every running job's lease, and add each slot's
-- counters since the last heartbeat (RQ's successful_job_count, failed_job_count, total_working_time: batched
-- here, never written per job). One round trip.
-- A slot hash that is gone (expired, or Redis lost it) is not recreated here, as a stub without fields; its index
-- is returned so the worker registers it again. A job no longer in rq:wip:<q> (finished, reaped or deleted) is
-- left alone, so a deleted job is never recreated by its heartbeat.
-- KEYS[1..n]                       rq:worker:<w> for each of the n slots
-- KEYS[n+2j-1], KEYS[n+2j]         rq:wip:<q>, rq:job:<id> for each running job j
-- ARGV[1] n    ARGV[2] now as an RQ timestamp    ARGV[3] worker hash TTL, seconds
-- ARGV[4] lease deadline, epoch seconds
-- ARGV[5+3(i-1)], ARGV[6+3(i-1)], ARGV[7+3(i-1)]  slot i's successes, failures and working seconds to add
-- ARGV[5+3n..] the running jobs' ids, in KEYS order
-- Returns the 1-based indexes of the slots whose hash is gone (their counts were not added).
local slots = tonumber(ARGV[1])
local missing = {}
for i = 1, slots do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('HSET', KEYS[i], 'last_heartbeat', ARGV[2])
    redis.call('EXPIRE', KEYS[i], ARGV[3])
    local base = 5 + 3 * (i - 1)
    if ARGV[base] ~= '0' then
      redis.call('HINCRBY', KEYS[i], 'successful_job_count', ARGV[base])
    end
    if ARGV[base + 1] ~= '0' then
      redis.call('HINCRBY', KEYS[i], 'failed_job_count', ARGV[base + 1])
    end
    if ARGV[base + 2] ~= '0' then
      redis.call('HINCRBYFLOAT', KEYS[i], 'total_working_time', ARGV[base + 2])
    end
  else
    missing[#missing + 1] = i
  end
end
local first = 5 + 3 * slots
for j = first, #ARGV do
  local wip = KEYS[slots + 2 * (j - first) + 1]
  local job = KEYS[slots + 2 * (j - first) + 2]
  if redis.call('ZSCORE', wip, ARGV[j]) then
    redis.call('ZADD', wip, ARGV[4], ARGV[j])
    redis.call('HSET', job, 'last_heartbeat', ARGV[2])
  end
end
return missing
