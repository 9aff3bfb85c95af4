-- Record the throughput totals of jrq:stats in the history, at most once per minute and once per hour, whichever
-- dashboard (or tool) samples first: the check and the write are one atomic call, so several samplers never write
-- a bucket twice. Each entry is the cumulative totals at the moment of sampling; the jobs of a bucket are the
-- difference between two entries. Entries older than the retention are trimmed in the same call, so the history
-- stays small and bounded (about 1,440 minute entries and 720 hour entries).
-- KEYS[1] jrq:stats (hash: finished, failed)   KEYS[2] jrq:stats:minutes   KEYS[3] jrq:stats:hours
--   (sorted sets: score = the bucket's start in epoch seconds, member = "<sampled at>:<finished>:<failed>")
-- ARGV[1] now, epoch seconds   ARGV[2] minute retention, seconds   ARGV[3] hour retention, seconds
-- Returns how many entries were written: 0, 1 (a new minute) or 2 (a new minute and a new hour).
local now = tonumber(ARGV[1])
local totals = redis.call('HMGET', KEYS[1], 'finished', 'failed')
local entry = now .. ':' .. (tonumber(totals[1]) or 0) .. ':' .. (tonumber(totals[2]) or 0)
local written = 0
local function sample(key, step, retention)
  local bucket = now - now % step
  if redis.call('ZCOUNT', key, bucket, bucket) == 0 then
    redis.call('ZADD', key, bucket, entry)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (bucket - retention))
    written = written + 1
  end
end
sample(KEYS[2], 60, tonumber(ARGV[2]))
sample(KEYS[3], 3600, tonumber(ARGV[3]))
return written
