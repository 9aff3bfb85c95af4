-- Library, prepended to the scripts that record an attempt of a job: a new entry in the job's result stream,
-- rq:results:<id>, as RQ's Result.save writes it (XADD ... MAXLEN ~ 10).
-- why the scratch stream: from Redis 7.0, XADD to a new stream preallocates a 4 KB listpack (up to
-- stream-node-max-bytes) that a job's few results never fill: every finished job kept 4.4 KB of Redis memory for
-- its result, and the XADD cost 15 us of Redis CPU (measured in docs/performance.md). A stream made by COPY is
-- allocated to its size, so a job's first result is added to a scratch stream, copied into place, and the scratch
-- deleted: 0.4 KB, and about 5 us for the three commands. The script is atomic, so no one ever sees the scratch
-- key, and the copy's entries, ids and counters are the ones XADD would have written. Redis before 7.0
-- preallocates nothing (and has no redis.REDIS_VERSION_NUM): there, the result goes straight in.

local RESULT_SCRATCH_KEY = 'jrq:scratch:result'
local RESULT_FIRST_BY_COPY = redis.REDIS_VERSION_NUM ~= nil

-- Adds one entry of field, value, ... to the result stream at key.
local function add_result(key, ...)
  if RESULT_FIRST_BY_COPY then
    redis.call('XADD', RESULT_SCRATCH_KEY, '*', ...)
    -- why: COPY refuses (0) when key exists, so a job's later results (a retry's) need no EXISTS beforehand
    local copied = redis.call('COPY', RESULT_SCRATCH_KEY, key)
    redis.call('DEL', RESULT_SCRATCH_KEY)
    if copied == 1 then
      return
    end
  end
  redis.call('XADD', key, 'MAXLEN', '~', '10', '*', ...)
end
