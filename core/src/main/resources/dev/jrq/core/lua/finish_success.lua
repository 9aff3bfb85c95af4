-- Record a job's success: status, result entry, finished registry, TTLs, its dependents; and, when the slot asks,
-- take its next job in the same call (lib/take.lua). One round trip. The slot's hash shows the next job (state
-- busy, current_job) or, when there is none, state idle without current_job; its counters (successful_job_count,
-- total_working_time) are added by the worker's heartbeat, batched, not here.
-- Fenced: when the job is no longer in rq:wip:<q> under this worker (its lease was reaped), nothing about the
-- job is written, so a late finish cannot resurrect or double-book it.
-- KEYS[1] rq:job:<id>   KEYS[2] rq:results:<id>   KEYS[3] rq:wip:<q>   KEYS[4] rq:finished:<q>
-- KEYS[5] rq:worker:<w>   KEYS[6] rq:job:<id>:dependents   KEYS[7] jrq:stats (HINCRBY finished, finished:<q>)
-- ARGV[1] job id                ARGV[2] worker name          ARGV[3] now as an RQ timestamp
-- ARGV[4] now, epoch seconds    ARGV[5] result TTL seconds (-1 keep forever, 0 delete the job)
-- ARGV[6] base64 of the serialized return value, '' for none
-- ARGV[7] unused (was the working time; the heartbeat adds it now)
-- ARGV[8..11] the key layout for the dependents: job prefix, queue prefix, deferred prefix, rq:queues
-- ARGV[12] the job's queue name (for the per-queue counter in jrq:stats)
-- To take the next job (optional): KEYS[8] rq:worker:<w> again, KEYS[9] rq:suspended, KEYS[10..] rq:queue:<q>,
-- rq:wip:<q> pairs; ARGV[13] job prefix, ARGV[14] now, ARGV[15] lease deadline, ARGV[16] worker name,
-- ARGV[17..] queue names.
-- Counters: a recorded success adds 1 to jrq:stats `finished` and `finished:<q>`, in the same call; a fenced-off
-- finish counts nothing.
-- Returns {'1' recorded or '0' fenced off, then the next job as dequeue.lua returns it (nothing when not asked)}.
local function finish()
  -- why: ZREM is the lease check itself: it removes nothing, and nothing else is written, when the lease is gone
  if redis.call('HGET', KEYS[1], 'worker_name') ~= ARGV[2] or redis.call('ZREM', KEYS[3], ARGV[1]) == 0 then
    return 0
  end
  redis.call('HINCRBY', KEYS[7], 'finished', 1)
  redis.call('HINCRBY', KEYS[7], 'finished:' .. ARGV[12], 1)
  local prefixes = {job = ARGV[8], queue = ARGV[9], deferred = ARGV[10], queues = ARGV[11]}
  settle_dependents(ARGV[1], 'finished', KEYS[6], prefixes, ARGV[3])
  local ttl = tonumber(ARGV[5])
  if ttl == 0 then
    redis.call('DEL', KEYS[1], KEYS[2])
    return 1
  end
  redis.call('HSET', KEYS[1], 'status', 'finished', 'ended_at', ARGV[3], 'last_heartbeat', ARGV[3])
  if ARGV[6] == '' then
    redis.call('XADD', KEYS[2], 'MAXLEN', '~', '10', '*', 'type', '1')
  else
    redis.call('XADD', KEYS[2], 'MAXLEN', '~', '10', '*', 'type', '1', 'return_value', ARGV[6])
  end
  if ttl < 0 then
    redis.call('PERSIST', KEYS[1])
    redis.call('PERSIST', KEYS[2])
    redis.call('ZADD', KEYS[4], '+inf', ARGV[1])
  else
    redis.call('EXPIRE', KEYS[1], ttl)
    redis.call('EXPIRE', KEYS[2], ttl)
    redis.call('ZADD', KEYS[4], tonumber(ARGV[4]) + ttl, ARGV[1])
  end
  return 1
end

local result = {tostring(finish())}
-- why: never recreate an expired worker hash as a stub
local worker_exists = redis.call('EXISTS', KEYS[5]) == 1
local started = false
if #KEYS > 7 then
  local slot = slot_from(8, 13)
  slot.worker_exists = worker_exists
  local next_job = take_next(slot)
  started = #next_job > 1
  for n = 1, #next_job do
    result[#result + 1] = next_job[n]
  end
end
if worker_exists and not started then
  redis.call('HDEL', KEYS[5], 'current_job')
  redis.call('HSET', KEYS[5], 'state', 'idle', 'last_heartbeat', ARGV[3])
end
return result
