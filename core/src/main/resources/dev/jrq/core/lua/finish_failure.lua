-- Record a failed attempt of a job in one round trip. With retries left (RQ's retries_left) the job goes back to
-- its queue, or to rq:scheduled:<q> after RQ's interval (moved by up to jrq_retry_jitter at random); otherwise it
-- is failed: status, failed registry, TTLs. Either way the attempt's error is added to the result stream (type 2).
-- Fenced, so that each attempt is booked once: a worker's call ('worker' mode) acts only while the job is still
-- in rq:wip:<q> under that worker; the reaper's ('reap' mode) only once the lease in rq:wip:<q> has run out.
-- KEYS[1] rq:job:<id>   KEYS[2] rq:results:<id>   KEYS[3] rq:wip:<q>   KEYS[4] rq:failed:<q>
-- KEYS[5] rq:worker:<w> (the caller; not touched when reaping)   KEYS[6] rq:queue:<q>   KEYS[7] rq:scheduled:<q>
-- KEYS[8] rq:queues   KEYS[9] rq:job:<id>:dependents   KEYS[10] jrq:stats (HINCRBY failed, failed:<q>)
-- ARGV[1] job id        ARGV[2] worker name           ARGV[3] now as an RQ timestamp   ARGV[4] now, epoch seconds
-- ARGV[5] default failure TTL seconds (the job's failure_ttl field wins; -1 keeps forever)
-- ARGV[6] base64 of zlib of the error text (RQ's exc_string)   ARGV[7] unused (the heartbeat adds working time)
-- ARGV[8] 'worker' or 'reap'   ARGV[9] a random number in [0, 1) for the jitter   ARGV[10] the queue key
-- ARGV[11] the status to end in: 'failed', or 'stopped' for a job stopped by a user (never retried)
-- ARGV[12..14] the key layout for the dependents: job prefix, queue prefix, deferred prefix (rq:queues is KEYS[8])
-- ARGV[15] the job's queue name (for the per-queue counter in jrq:stats)
-- Counters: every booked attempt adds 1 to jrq:stats `failed` and `failed:<q>`, in the same call, as Sidekiq's
-- stat:failed counts every failed attempt: one that is retried, one that fails for good, a stopped job (RQ counts
-- it in failed_job_count) and one reaped after its lease ran out. A fenced-off call counts nothing.
-- Returns 0 when fenced off, 1 failed (or stopped), 2 requeued for a retry, 3 scheduled for a retry.
local reaping = ARGV[8] == 'reap'
local worker_exists = (not reaping) and redis.call('EXISTS', KEYS[5]) == 1
if worker_exists then -- why: never recreate an expired worker hash as a stub; its counters are the heartbeat's
  redis.call('HDEL', KEYS[5], 'current_job')
  redis.call('HSET', KEYS[5], 'state', 'idle', 'last_heartbeat', ARGV[3])
end
local lease = redis.call('ZSCORE', KEYS[3], ARGV[1])
if not lease then
  return 0
end
if reaping then
  if tonumber(lease) > tonumber(ARGV[4]) then
    return 0
  end
elseif redis.call('HGET', KEYS[1], 'worker_name') ~= ARGV[2] then
  return 0
end
redis.call('ZREM', KEYS[3], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
add_result(KEYS[2], 'type', '2', 'exc_string', ARGV[6])
redis.call('HINCRBY', KEYS[10], 'failed', 1)
redis.call('HINCRBY', KEYS[10], 'failed:' .. ARGV[15], 1)

local retries = tonumber(redis.call('HGET', KEYS[1], 'retries_left') or '') or 0
if retries > 0 and ARGV[11] == 'failed' then
  local ok, intervals = pcall(cjson.decode, redis.call('HGET', KEYS[1], 'retry_intervals') or '[0]')
  if not ok or type(intervals) ~= 'table' or #intervals == 0 then
    intervals = {0}
  end
  local index = math.min(math.max(#intervals - retries, 0) + 1, #intervals) -- RQ's choice of interval
  local wait = tonumber(intervals[index]) or 0
  local jitter = tonumber(redis.call('HGET', KEYS[1], 'jrq_retry_jitter') or '') or 0
  if jitter > 0 and wait > 0 then
    wait = math.floor(wait * (1 + jitter * (2 * tonumber(ARGV[9]) - 1)) + 0.5)
  end
  redis.call('HSET', KEYS[1], 'retries_left', retries - 1, 'ended_at', ARGV[3], 'last_heartbeat', ARGV[3])
  if wait > 0 then
    redis.call('HSET', KEYS[1], 'status', 'scheduled')
    redis.call('ZADD', KEYS[7], tonumber(ARGV[4]) + wait, ARGV[1])
    return 3
  end
  redis.call('HSET', KEYS[1], 'status', 'queued', 'enqueued_at', ARGV[3])
  redis.call('SADD', KEYS[8], ARGV[10])
  redis.call('RPUSH', KEYS[6], ARGV[1])
  return 2
end

redis.call('HSET', KEYS[1], 'status', ARGV[11], 'ended_at', ARGV[3], 'last_heartbeat', ARGV[3])
settle_dependents(ARGV[1], ARGV[11], KEYS[9],
  {job = ARGV[12], queue = ARGV[13], deferred = ARGV[14], queues = KEYS[8]}, ARGV[3])
local own_ttl = tonumber(redis.call('HGET', KEYS[1], 'failure_ttl') or '')
local ttl = own_ttl or tonumber(ARGV[5])
if ttl < 0 then
  -- why: -1 keeps the failure forever; EXPIRE with a negative TTL would delete the job at once
  redis.call('PERSIST', KEYS[1])
  redis.call('PERSIST', KEYS[2])
  redis.call('ZADD', KEYS[4], '+inf', ARGV[1])
  return 1
end
redis.call('EXPIRE', KEYS[1], ttl)
if own_ttl then -- RQ's quirk: without its own failure_ttl the result stream never expires
  redis.call('EXPIRE', KEYS[2], ttl)
end
redis.call('ZADD', KEYS[4], tonumber(ARGV[4]) + ttl, ARGV[1])
return 1
