-- Record a job's failure: status, result entry with the error, failed registry, TTLs, the worker's counters.
-- One round trip, fenced like finish_success.lua.
-- KEYS[1] rq:job:<id>   KEYS[2] rq:results:<id>   KEYS[3] rq:wip:<q>   KEYS[4] rq:failed:<q>
-- KEYS[5] rq:worker:<w>
-- ARGV[1] job id                ARGV[2] worker name          ARGV[3] now as an RQ timestamp
-- ARGV[4] now, epoch seconds    ARGV[5] failure TTL seconds (-1 keep forever)
-- ARGV[6] '1' when the failure TTL was set on the job (only then does the result stream expire, as in RQ)
-- ARGV[7] base64 of zlib of the error text (RQ's exc_string)
-- ARGV[8] working time in seconds (float)
-- Returns 1 when recorded, 0 when fenced off.
-- why: never recreate an expired worker hash as a stub
local worker_exists = redis.call('EXISTS', KEYS[5]) == 1
if worker_exists then
  redis.call('HDEL', KEYS[5], 'current_job')
  redis.call('HSET', KEYS[5], 'state', 'idle', 'last_heartbeat', ARGV[3])
  redis.call('HINCRBYFLOAT', KEYS[5], 'total_working_time', ARGV[8])
end
if not redis.call('ZSCORE', KEYS[3], ARGV[1]) or redis.call('HGET', KEYS[1], 'worker_name') ~= ARGV[2] then
  return 0
end
if worker_exists then
  redis.call('HINCRBY', KEYS[5], 'failed_job_count', 1)
end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'status', 'failed', 'ended_at', ARGV[3], 'last_heartbeat', ARGV[3])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', '10', '*', 'type', '2', 'exc_string', ARGV[7])
local ttl = tonumber(ARGV[5])
if ttl < 0 then
  -- why: -1 keeps the failure forever; EXPIRE with a negative TTL would delete the job at once
  redis.call('PERSIST', KEYS[1])
  redis.call('PERSIST', KEYS[2])
  redis.call('ZADD', KEYS[4], '+inf', ARGV[1])
  return 1
end
redis.call('EXPIRE', KEYS[1], ttl)
if ARGV[6] == '1' then
  redis.call('EXPIRE', KEYS[2], ttl)
end
redis.call('ZADD', KEYS[4], tonumber(ARGV[4]) + ttl, ARGV[1])
return 1
