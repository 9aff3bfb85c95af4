-- Library, prepended to enqueue.lua and enqueue_many.lua: a new queued job as the client sends it, and its hash
-- written in RQ 1.13's layout and field order.
-- A job takes 8 + n arguments from ARGV[at]: id, flags, ttl in seconds while queued ('0' none), created_at (also
-- its enqueued_at, and the replay marker: why: Redisson may resend a script after a timeout, and a replay must
-- not push the id twice), data, description, timeout, n; then the n items (field, value, ...) of the fields only
-- some jobs have (result_ttl, meta, retries_left, callback names, ...).
-- flags hold 'F' to push at the front, 'U' to refuse the job when its hash exists (a unique id), 'G' when the
-- caller gave the id (an old hash of that id is then replaced, never merged into; a generated id names none).
-- why: the fields every queued job has with the same value (status, the empty started_at, ended_at,
-- last_heartbeat, worker_name and callback names, origin) are written from here, not sent: each argument costs
-- the client an encoded buffer and Redis a Lua string, and they were two thirds of a job's arguments.

local QUEUED_JOB_FIXED_ARGS = 8

-- The index of the argument after the job's at `at`.
local function queued_job_end(at)
  return at + QUEUED_JOB_FIXED_ARGS + tonumber(ARGV[at + 7])
end

local function queued_job_flag(at, flag)
  return string.find(ARGV[at + 1], flag, 1, true) ~= nil
end

-- 'replayed' when this very call saved the job already, 'duplicate' when it is unique and its hash exists, nil
-- when it is to be saved.
local function queued_job_clash(job, at)
  if redis.call('HGET', job, 'created_at') == ARGV[at + 3] then
    return 'replayed'
  end
  if queued_job_flag(at, 'U') and redis.call('EXISTS', job) == 1 then
    return 'duplicate'
  end
  return nil
end

-- Writes the job's hash, status queued, and its TTL. An extra field named like a fixed one (a callback name)
-- replaces the fixed value where it stands, so the field order stays RQ's.
local function save_queued_job(job, origin, at)
  if queued_job_flag(at, 'G') then
    redis.call('DEL', job)
  end
  local created_at = ARGV[at + 3]
  redis.call('HSET', job, 'status', 'queued', 'created_at', created_at, 'data', ARGV[at + 4],
    'success_callback_name', '', 'failure_callback_name', '', 'started_at', '', 'ended_at', '',
    'last_heartbeat', '', 'worker_name', '', 'origin', origin, 'description', ARGV[at + 5],
    'enqueued_at', created_at, 'timeout', ARGV[at + 6],
    unpack(ARGV, at + QUEUED_JOB_FIXED_ARGS, queued_job_end(at) - 1))
  if tonumber(ARGV[at + 2]) > 0 then
    redis.call('EXPIRE', job, ARGV[at + 2])
  end
end
