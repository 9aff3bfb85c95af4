-- Library, prepended to enqueue.lua, enqueue_many.lua and fire_schedule.lua: a new queued job as the client packs
-- it, and its hash written in RQ 1.13's layout and field order.
-- A job is one MessagePack array of strings (a table once cmsgpack.unpack has read it): id, flags, ttl in seconds
-- while queued ('0' none), created_at (also its enqueued_at, and the replay marker: why: Redisson may resend a
-- script after a timeout, and a replay must not push the id twice), data, description, timeout; then field,
-- value, ... of the fields only some jobs have (result_ttl, meta, retries_left, callback names, ...).
-- flags hold 'F' to push at the front, 'U' to refuse the job when its hash exists (a unique id), 'G' when the
-- caller gave the id (an old hash of that id is then replaced, never merged into; a generated id names none).
-- why: the fields every queued job has with the same value (status, the empty started_at, ended_at,
-- last_heartbeat, worker_name and callback names, origin) are written from here, not sent.

local QUEUED_JOB_FIRST_OPTIONAL = 8

local function queued_job_flag(job, flag)
  return string.find(job[2], flag, 1, true) ~= nil
end

-- Whether the call that saved the job's hash was this very call (the same created_at).
local function queued_job_replayed(key, job)
  return redis.call('HGET', key, 'created_at') == job[4]
end

-- 'replayed' when this very call saved the job already, 'duplicate' when it is unique and its hash exists, nil
-- when it is to be saved.
local function queued_job_clash(key, job)
  if queued_job_replayed(key, job) then
    return 'replayed'
  end
  if queued_job_flag(job, 'U') and redis.call('EXISTS', key) == 1 then
    return 'duplicate'
  end
  return nil
end

-- Writes the job's hash, status queued, and its TTL. An optional field named like a fixed one (a callback name)
-- replaces the fixed value where it stands, so the field order stays RQ's.
local function save_queued_job(key, origin, job)
  if queued_job_flag(job, 'G') then
    redis.call('DEL', key)
  end
  local created_at = job[4]
  redis.call('HSET', key, 'status', 'queued', 'created_at', created_at, 'data', job[5],
    'success_callback_name', '', 'failure_callback_name', '', 'started_at', '', 'ended_at', '',
    'last_heartbeat', '', 'worker_name', '', 'origin', origin, 'description', job[6],
    'enqueued_at', created_at, 'timeout', job[7], unpack(job, QUEUED_JOB_FIRST_OPTIONAL))
  if tonumber(job[3]) > 0 then
    redis.call('EXPIRE', key, job[3])
  end
end
