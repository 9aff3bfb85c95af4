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

-- A call's success entries that are alike (no value, or the same value, for several jobs): each made once, in a
-- scratch stream of its own, and copied to each job's result stream; shared_results_done deletes the scratches.
-- why: a void job's success is the same entry every time; one COPY per job instead of XADD, COPY and DEL
-- (docs/performance.md, change 42). The copies' entry ids are the same, as they were for the jobs of one call.
local shared_result_scratches = {}
local shared_result_count = 0

-- Adds the success entry of `value` (type 1, and return_value unless value is '') to stream key, created by XADD
-- (a scratch) or capped as RQ's are.
local function xadd_success(key, value, capped)
  if capped and value == '' then
    redis.call('XADD', key, 'MAXLEN', '~', '10', '*', 'type', '1')
  elseif capped then
    redis.call('XADD', key, 'MAXLEN', '~', '10', '*', 'type', '1', 'return_value', value)
  elseif value == '' then
    redis.call('XADD', key, '*', 'type', '1')
  else
    redis.call('XADD', key, '*', 'type', '1', 'return_value', value)
  end
end

-- Adds a success entry (type 1, with return_value `value` unless it is '') to the result stream at key; `repeated`
-- says whether other successes of the call have the same value (then the entry is made once for them all).
local function add_success(key, value, repeated)
  if not (repeated and RESULT_FIRST_BY_COPY) then
    if value == '' then
      return add_result(key, 'type', '1')
    end
    return add_result(key, 'type', '1', 'return_value', value)
  end
  local scratch = shared_result_scratches[value]
  if not scratch then
    shared_result_count = shared_result_count + 1
    scratch = RESULT_SCRATCH_KEY .. ':' .. shared_result_count
    -- why: a call that failed half-way (out of memory) may have left it; it must hold this entry alone
    redis.call('DEL', scratch)
    xadd_success(scratch, value, false)
    shared_result_scratches[value] = scratch
  end
  -- why: COPY refuses when key exists (a retried job's earlier results): the entry then goes after them
  if redis.call('COPY', scratch, key) == 0 then
    xadd_success(key, value, true)
  end
end

-- Deletes the scratch streams add_success made in this call.
local function shared_results_done()
  for _, scratch in pairs(shared_result_scratches) do
    redis.call('DEL', scratch)
  end
  shared_result_scratches = {}
end
