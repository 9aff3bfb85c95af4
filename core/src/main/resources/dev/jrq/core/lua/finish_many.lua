-- Record a worker slot's successes and take its next jobs, in one call: a slot running short jobs pays one round
-- trip, and one script call, for many of them (one success and no take is a single finish).
-- A success: status finished, ended_at, a result entry (type 1, RQ's successful) in rq:results:<id>, the job in
-- rq:finished:<q> until its result TTL runs out (job and results keys expire with it; -1 keeps them, 0 deletes
-- them), its dependents released (lib/dependents.lua). The slot's RQ counters (successful_job_count,
-- total_working_time) are added by the worker's heartbeat, batched, not here.
-- Fenced: when a job is no longer in rq:wip:<q> under this worker (its lease was reaped), nothing about it is
-- written and its flag is '0', so a late finish cannot resurrect or double-book it.
-- Then up to `wanted` jobs are taken and started for the slot (lib/take.lua).
-- KEYS[1] rq:worker:<w>   KEYS[2] rq:suspended   KEYS[3] jrq:stats
-- KEYS[3i+1], KEYS[3i+2], KEYS[3i+3]   rq:queue:<q_i>, rq:wip:<q_i>, rq:finished:<q_i> for each queue i = 1..n
-- ARGV[1] worker name   ARGV[2] now as an RQ timestamp   ARGV[3] now, epoch seconds with milliseconds ('s.mmm')
-- ARGV[4] lease deadline of the jobs taken, epoch seconds
-- ARGV[5..9] the key layout: job prefix, results prefix, queue prefix, deferred prefix, rq:queues
-- ARGV[10] how many jobs to take (0: none)
-- ARGV[11] the slot's hash: 'auto' (state busy with the first job taken as current_job; idle, without
--          current_job, when none was) or 'keep' (untouched: the slot is still running jobs it holds)
-- ARGV[12] n, the number of queues   ARGV[13] k: jobs are taken from the first k of them, in their order
-- ARGV[14..13+n] the queue names (in the order of KEYS)
-- ARGV[14+n] the successes, packed as one MessagePack array (cmsgpack) of four values each: job id, index i of its
--            queue, result TTL in seconds (-1 keep forever, 0 delete the job), base64 of the serialized return
--            value ('' for none). why: one argument instead of four per job, for Redis and for the client's encoder
-- ARGV[15+n] 'rotate' to take one job from each queue in turn (round_robin, random), 'priority' otherwise
-- Counters: jrq:stats `finished` and `finished:<q>` grow by the successes recorded, once per queue per call.
-- Returns {flags, taken, then the jobs taken as one string: per job its queue name, id and hash packed (lib/take.lua),
-- one job after the other; absent when none was taken}:
-- flags has one character per success, '1' recorded or '0' fenced off; taken is how many jobs were taken, -1 when
-- workers are suspended.
local worker_name, now, now_epoch = ARGV[1], ARGV[2], tonumber(ARGV[3])
local prefixes = {job = ARGV[5], results = ARGV[6], queue = ARGV[7], deferred = ARGV[8], queues = ARGV[9]}
local wanted = tonumber(ARGV[10])
local queue_count, take_from = tonumber(ARGV[12]), tonumber(ARGV[13])
local queue_names, wip_keys, finished_keys = {}, {}, {}
local slot = {worker = KEYS[1], suspended = KEYS[2], queue_keys = {}, wip_keys = {}, queue_names = {},
  job_prefix = prefixes.job, now = now, deadline = ARGV[4], name = worker_name}
for i = 1, queue_count do
  queue_names[i] = ARGV[13 + i]
  wip_keys[i] = KEYS[3 * i + 2]
  finished_keys[i] = KEYS[3 * i + 3]
  if i <= take_from then
    slot.queue_keys[i] = KEYS[3 * i + 1]
    slot.wip_keys[i] = wip_keys[i]
    slot.queue_names[i] = queue_names[i]
  end
end

-- A result TTL's text and the finished registry's score for it, formatted once per TTL in a call: {ttl, expiry}.
-- why: a number handed to redis.call is formatted with snprintf each time (perf: 2 % of Redis's time per drained
-- job went to three such formats); a call's successes mostly share one TTL.
-- why the milliseconds in the score (RQ's are whole seconds; its registry reads any score): each job lands at the
-- end of the sorted set, along a path its last inserts just walked, instead of among the thousands finished in the
-- same second, ordered by id, a walk through cold memory (perf, 200,000 jobs drained: that walk took 5.5 % of
-- Redis's time, 1.5 % with these scores; docs/performance.md, change 37).
local ttl_texts = {}
local function ttl_text(ttl)
  local texts = ttl_texts[ttl]
  if not texts then
    texts = {string.format('%d', ttl), string.format('%.3f', now_epoch + ttl)}
    ttl_texts[ttl] = texts
  end
  return texts
end

-- The finished registry's entries of the successes recorded, per queue i: score, id, ...; added with one ZADD per
-- queue once all are recorded (note_entry and zadd_all in lib/take.lua).
local finished_adds = {}

-- Whether any of the dependents sets at `keys` exists (lib/dependents.lua).
-- why one EXISTS over a call's dependents sets: most jobs have none, and an SMEMBERS each cost a call each
-- (docs/performance.md, change 46)
local function any_dependents(keys)
  if #keys < 2 then
    return #keys == 1 -- why: for one job the EXISTS would cost what its SMEMBERS does
  end
  for first = 1, #keys, 1000 do
    if redis.call('EXISTS', unpack(keys, first, math.min(first + 999, #keys))) > 0 then
      return true
    end
  end
  return false
end

-- Records one success; returns whether it was (false: its lease is no longer this worker's). `repeated` says
-- whether other successes of the call have the same value; `dependents` is its dependents set's key, nil when no
-- job of the call has one.
local function finish(job, dependents, id, i, ttl, value, repeated)
  -- why: ZREM is the lease check itself: it removes nothing, and nothing else is written, when the lease is gone
  if redis.call('HGET', job, 'worker_name') ~= worker_name or redis.call('ZREM', wip_keys[i], id) == 0 then
    return false
  end
  local results = prefixes.results .. id
  if dependents then
    settle_dependents(id, 'finished', dependents, prefixes, now)
  end
  if ttl == 0 then
    redis.call('DEL', job, results)
    return true
  end
  redis.call('HSET', job, 'status', 'finished', 'ended_at', now, 'last_heartbeat', now)
  add_success(results, value, repeated)
  if ttl < 0 then
    redis.call('PERSIST', job)
    redis.call('PERSIST', results)
    note_entry(finished_adds, i, '+inf', id)
  else
    local texts = ttl_text(ttl)
    redis.call('EXPIRE', job, texts[1])
    redis.call('EXPIRE', results, texts[1])
    note_entry(finished_adds, i, texts[2], id)
  end
  return true
end

local flags = {}
local recorded = {}
local successes = cmsgpack.unpack(ARGV[14 + queue_count])
-- The successes' job keys and dependents sets, in their order, and how many have each value.
-- why values counted only from 7.0: before, each result goes straight into its stream (lib/result_stream.lua)
local job_keys, dependents_keys, value_counts = {}, {}, {}
for n = 1, #successes, 4 do
  local job = prefixes.job .. successes[n]
  job_keys[#job_keys + 1] = job
  dependents_keys[#dependents_keys + 1] = job .. ':dependents'
  if RESULT_FIRST_BY_COPY then
    value_counts[successes[n + 3]] = (value_counts[successes[n + 3]] or 0) + 1
  end
end
local settle = any_dependents(dependents_keys)
for k, job in ipairs(job_keys) do
  local n = 4 * k - 3
  local i = successes[n + 1]
  if finish(job, settle and dependents_keys[k] or nil, successes[n], i, successes[n + 2], successes[n + 3],
      (value_counts[successes[n + 3]] or 0) > 1) then
    flags[#flags + 1] = '1'
    recorded[i] = (recorded[i] or 0) + 1
  else
    flags[#flags + 1] = '0'
  end
end
shared_results_done()
for i, registered in pairs(finished_adds) do
  zadd_all(finished_keys[i], registered)
end
local total = 0
for i, count in pairs(recorded) do
  redis.call('HINCRBY', KEYS[3], 'finished:' .. queue_names[i], count)
  total = total + count
end
if total > 0 then
  redis.call('HINCRBY', KEYS[3], 'finished', total)
end

local reply = {table.concat(flags), 0}
if wanted > 0 then
  local started = {}
  reply[2] = take_jobs(slot, wanted, started, ARGV[15 + queue_count] == 'rotate')
  if reply[2] > 0 then
    -- why: one reply string for all, not one per job: each costs the client's Redis library a length parsed
    -- through a string, a buffer slice and a copy (lib/take.lua)
    reply[3] = join_started(started)
  end
end
if ARGV[11] == 'auto' and reply[2] <= 0 and redis.call('EXISTS', KEYS[1]) == 1 then
  -- why: never recreate an expired worker hash as a stub
  redis.call('HDEL', KEYS[1], 'current_job')
  redis.call('HSET', KEYS[1], 'state', 'idle', 'last_heartbeat', now)
end
return reply
