-- Library, prepended to enqueue.lua, enqueue_many.lua and fire_schedule.lua: a new queued job as the client packs
-- it, and its hash written in RQ 1.13's layout and field order.
-- A job is read where it lies in a table of strings that cmsgpack.unpack gave: items[at + 1] its id, then flags,
-- ttl in seconds while queued ('0' none), created_at (also its enqueued_at, and the replay marker: why: Redisson
-- may resend a script after a timeout, and a replay must not push the id twice), data, description, timeout; then
-- items[at + 8 .. last] field, value, ... of the fields only some jobs have (result_ttl, meta, retries_left,
-- callback names, ...). One job is an array of its own (at 0, last #items); a run of jobs (enqueue_many.lua) is one
-- flat array in which each job's item count comes just before it (why: a table per job cost Redis 0.6-1.0 us of
-- the 5-6 us a job took in enqueue_many.lua).
-- flags hold 'F' to push at the front, 'U' to refuse the job when its hash exists (a unique id), 'G' when the
-- caller gave the id (an old hash of that id is then replaced, never merged into; a generated id names none).
-- why: the fields every queued job has with the same value (status, the empty started_at, ended_at,
-- last_heartbeat, worker_name and callback names, origin) are written from here, not sent.

local QUEUED_JOB_FIRST_OPTIONAL = 8

local function queued_job_flag(items, at, flag)
  local flags = items[at + 2]
  return flags ~= '' and string.find(flags, flag, 1, true) ~= nil
end

-- Whether the call that saved the job's hash was this very call (the same created_at).
local function queued_job_replayed(key, items, at)
  return redis.call('HGET', key, 'created_at') == items[at + 4]
end

-- 'replayed' when this very call saved the job already, 'duplicate' when it is unique and its hash exists, nil
-- when it is to be saved.
local function queued_job_clash(key, items, at)
  if queued_job_replayed(key, items, at) then
    return 'replayed'
  end
  if queued_job_flag(items, at, 'U') and redis.call('EXISTS', key) == 1 then
    return 'duplicate'
  end
  return nil
end

-- Writes the job's hash, status queued, and its TTL. An optional field named like a fixed one (a callback name)
-- replaces the fixed value where it stands, so the field order stays RQ's.
local function save_queued_job(key, origin, items, at, last)
  if queued_job_flag(items, at, 'G') then
    redis.call('DEL', key)
  end
  local created_at = items[at + 4]
  redis.call('HSET', key, 'status', 'queued', 'created_at', created_at, 'data', items[at + 5],
    'success_callback_name', '', 'failure_callback_name', '', 'started_at', '', 'ended_at', '',
    'last_heartbeat', '', 'worker_name', '', 'origin', origin, 'description', items[at + 6],
    'enqueued_at', created_at, 'timeout', items[at + 7], unpack(items, at + QUEUED_JOB_FIRST_OPTIONAL, last))
  if items[at + 3] ~= '0' then
    redis.call('EXPIRE', key, items[at + 3])
  end
end
