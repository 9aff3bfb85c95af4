-- Library, prepended to dequeue.lua and finish_success.lua: take the next job for a worker slot and mark it
-- started. Queues are tried in the order given (priority); an id whose job hash is gone (deleted or expired
-- while queued) is dropped, as RQ does, and the next one is tried.
-- slot = {worker = rq:worker:<w>, suspended = rq:suspended, queue_keys = {...}, wip_keys = {...},
--         queue_names = {...}, job_prefix = 'rq:job:', now = RQ timestamp, deadline = lease deadline (epoch s),
--         name = worker name, worker_exists = nil until known}
-- The slot's hash gets state busy and current_job at each start (RQ's tools show them); its counters are the
-- heartbeat's (batched per worker, never per job).
-- why: the job id is only known after the pop, so its key cannot be declared; the cluster layout will keep it
-- in the queue's hash slot.

-- Marks job `id` of queue i started for the slot; returns {queue name, id, field, value, ...} or nil when the
-- job hash is gone.
local function start_job(slot, i, id)
  local job = slot.job_prefix .. id
  -- why: read first, so that an empty reply says the hash is gone without an EXISTS; the fields this start
  -- writes are then given their new values in the reply
  local fields = redis.call('HGETALL', job)
  if #fields == 0 then
    return nil
  end
  local started = {status = 'started', started_at = slot.now, last_heartbeat = slot.now, worker_name = slot.name}
  redis.call('HSET', job, 'status', 'started', 'started_at', slot.now, 'last_heartbeat', slot.now,
    'worker_name', slot.name)
  redis.call('PERSIST', job)
  redis.call('ZADD', slot.wip_keys[i], slot.deadline, id)
  if slot.worker_exists == nil then
    slot.worker_exists = redis.call('EXISTS', slot.worker) == 1
  end
  if slot.worker_exists then -- why: never recreate an expired worker hash as a stub
    redis.call('HSET', slot.worker, 'state', 'busy', 'current_job', id, 'current_job_working_time', '0',
      'last_heartbeat', slot.now)
  end
  local result = {slot.queue_names[i], id}
  for n = 1, #fields, 2 do
    local field = fields[n]
    local value = started[field]
    if value then
      started[field] = nil
    else
      value = fields[n + 1]
    end
    result[#result + 1] = field
    result[#result + 1] = value
  end
  for field, value in pairs(started) do
    result[#result + 1] = field
    result[#result + 1] = value
  end
  return result
end

-- Pops and starts the next job; returns its start_job list, {} when every queue is empty, or {'suspended'}.
local function take_next(slot)
  if redis.call('EXISTS', slot.suspended) == 1 then
    return {'suspended'}
  end
  for i = 1, #slot.queue_keys do
    while true do
      local id = redis.call('LPOP', slot.queue_keys[i])
      if not id then
        break
      end
      local started = start_job(slot, i, id)
      if started then
        return started
      end
    end
  end
  return {}
end

-- The slot described by KEYS from `first_key` on (rq:worker:<w>, rq:suspended, then rq:queue:<q>, rq:wip:<q>
-- pairs) and ARGV from `first_arg` on (job prefix, now, deadline, worker name, then the queue names).
local function slot_from(first_key, first_arg)
  local slot = {worker = KEYS[first_key], suspended = KEYS[first_key + 1], queue_keys = {}, wip_keys = {},
    queue_names = {}, job_prefix = ARGV[first_arg], now = ARGV[first_arg + 1],
    deadline = ARGV[first_arg + 2], name = ARGV[first_arg + 3]}
  local queues = (#KEYS - first_key - 1) / 2
  for i = 1, queues do
    slot.queue_keys[i] = KEYS[first_key + 2 * i]
    slot.wip_keys[i] = KEYS[first_key + 2 * i + 1]
    slot.queue_names[i] = ARGV[first_arg + 3 + i]
  end
  return slot
end
