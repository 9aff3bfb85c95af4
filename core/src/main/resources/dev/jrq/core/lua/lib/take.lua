-- Library, prepended to dequeue.lua, dequeue_handoff.lua and finish_many.lua: take jobs for a worker slot and mark
-- them started. Queues are tried in the order given (priority); an id whose job hash is gone (deleted or expired
-- while queued) is dropped, as RQ does, and the next one is tried.
-- slot = {worker = rq:worker:<w>, suspended = rq:suspended, queue_keys = {...}, wip_keys = {...},
--         queue_names = {...}, job_prefix = 'rq:job:', now = RQ timestamp, deadline = lease deadline (epoch s),
--         name = worker name, worker_exists = nil until known, leases = nil until a job is started (write_leases
--         writes them), packed_names = nil until a job is packed}
-- The slot's hash gets state busy and current_job when it takes (RQ's tools show them); its counters are the
-- heartbeat's (batched per worker, never per job).
-- A started job is replied as one string: its queue name, its id, and its hash as read just before the start (its
-- DUMP, a string, from Redis 7.0 on; an array of field, value, ... before), three MessagePack values one after
-- the other. They go one by one into a list of pieces (the strings behind headers written here), and the pieces
-- of every job taken are joined once per reply (join_started); each queue's name is packed once per call.
-- why: cmsgpack.pack of the three made a string per value and then one more joining them, per job; packing was
-- 9 % of Redis's time per drained job (perf, docs/performance.md, change 37).
-- The four fields the start writes (status started, started_at and last_heartbeat = now, worker_name) are stale in
-- it, and the client, which sent their values, sets them itself. why: patching the hash in Lua, or replying its 26
-- items one by one, cost more than the rest of the start, in Redis and in the client's decoder; and each reply
-- item costs the client's Redis library a length parsed through a string, a buffer slice and a copy.
-- why: the job id is only known after the pop, so its key cannot be declared; the cluster layout will keep it
-- in the queue's hash slot.

-- why: LPOP's count (Redis 6.2 on) pops a run of ids in one command; 7.0 is the first to tell Lua its version
local POP_MANY = redis.REDIS_VERSION_NUM ~= nil
-- The kinds of DUMP the client reads (HashDump): a hash kept as a listpack (RDB type 16) or as a table (4).
-- why 7.0 on: it is the first whose small hashes are listpacks; older ones' dumps are not read, HGETALL is
local DUMPED_HASH_TYPES = POP_MANY and {[4] = true, [16] = true} or {}

-- Adds score, member, ... pairs to the sorted set at key, as few ZADDs as Lua's stack allows.
-- why: one command for a call's jobs instead of one each: each redis.call costs Redis its argument conversion,
-- command lookup, key lookup and reply conversion (perf, docs/performance.md, change 39)
local function zadd_all(key, pairs_list)
  local n = #pairs_list
  for first = 1, n, 1000 do
    redis.call('ZADD', key, unpack(pairs_list, first, math.min(first + 999, n)))
  end
end

-- Notes a sorted-set entry for zadd_all: appends score and member to the list at lists[i], made when missing.
local function note_entry(lists, i, score, member)
  local list = lists[i]
  if not list then
    list = {}
    lists[i] = list
  end
  list[#list + 1] = score
  list[#list + 1] = member
end

-- Job hash `key` as the reply carries it: its DUMP (one string) when of a kind the client reads, else its fields
-- (HGETALL: field, value, ...); nil when it is gone.
-- why DUMP: Redis copies the hash's listpack into one string, where HGETALL's 26 items were each converted into
-- Lua and packed again, a quarter of Redis's time per drained job (docs/performance.md, change 41)
local function read_hash(key)
  if POP_MANY then
    local dump = redis.call('DUMP', key)
    if not dump then
      return nil
    end
    if DUMPED_HASH_TYPES[string.byte(dump, 1)] then
      return dump
    end
  end
  local fields = redis.call('HGETALL', key)
  if #fields == 0 then
    return nil
  end
  return fields
end

-- Marks job `id` of queue i started for the slot; returns its hash as read before (read_hash), or nil when the
-- job hash is gone. Its lease is noted in slot.leases, for write_leases to add to rq:wip:<q>; the slot's own hash
-- is the caller's to write (mark_slot_busy).
local function start_job(slot, i, id)
  local job = slot.job_prefix .. id
  -- why: read first, so that its absence says the hash is gone, without an EXISTS
  local fields = read_hash(job)
  if not fields then
    return nil
  end
  redis.call('HSET', job, 'status', 'started', 'started_at', slot.now, 'last_heartbeat', slot.now,
    'worker_name', slot.name)
  redis.call('PERSIST', job)
  slot.leases = slot.leases or {}
  note_entry(slot.leases, i, slot.deadline, id)
  return fields
end

-- Adds the leases of the jobs started (start_job) to their queues' rq:wip:<q>, one ZADD per queue.
local function write_leases(slot)
  for i, leases in pairs(slot.leases or {}) do
    zadd_all(slot.wip_keys[i], leases)
  end
  slot.leases = nil
end

-- Pops up to `count` ids from queue i, in queue order: a list, empty when the queue is.
local function pop_ids(slot, i, count)
  if count > 1 and POP_MANY then
    return redis.call('LPOP', slot.queue_keys[i], count) or {}
  end
  local id = redis.call('LPOP', slot.queue_keys[i])
  return id and {id} or {}
end

-- Shows job `id` as the slot's current job (state busy), unless the slot's hash is gone.
local function mark_slot_busy(slot, id)
  if slot.worker_exists == nil then
    slot.worker_exists = redis.call('EXISTS', slot.worker) == 1
  end
  if slot.worker_exists then -- why: never recreate an expired worker hash as a stub
    redis.call('HSET', slot.worker, 'state', 'busy', 'current_job', id, 'current_job_working_time', '0',
      'last_heartbeat', slot.now)
  end
end

-- The MessagePack header of a string of `length` bytes, as cmsgpack.pack writes it (str 5, 8, 16 or 32 bits).
-- why: the id and the dump go into the reply behind their headers, copied once (join_started), not first into
-- a packed string each (perf: packing was 3 % of Redis's time per drained job after change 41)
local function string_header(length)
  if length < 32 then
    return string.char(0xa0 + length)
  elseif length < 256 then
    return string.char(0xd9, length)
  elseif length < 65536 then
    return string.char(0xda, math.floor(length / 256), length % 256)
  end
  return string.char(0xdb, math.floor(length / 16777216), math.floor(length / 65536) % 256,
    math.floor(length / 256) % 256, length % 256)
end

-- Appends a started job's pieces to `pieces`: its queue name, its id and its hash, packed (see above).
local function append_started(pieces, slot, i, id, fields)
  local packed_names = slot.packed_names
  if not packed_names then
    packed_names = {}
    slot.packed_names = packed_names
  end
  local packed_name = packed_names[i]
  if not packed_name then
    packed_name = cmsgpack.pack(slot.queue_names[i])
    packed_names[i] = packed_name
  end
  local n = #pieces
  pieces[n + 1] = packed_name
  pieces[n + 2] = string_header(#id)
  pieces[n + 3] = id
  if type(fields) == 'string' then
    pieces[n + 4] = string_header(#fields)
    pieces[n + 5] = fields
  else
    pieces[n + 4] = cmsgpack.pack(fields)
  end
end

-- The started jobs' pieces (append_started) as the one string a reply carries.
local function join_started(pieces)
  return table.concat(pieces)
end

-- Starts job `id` (popped from queue i already) and returns {the started job packed}, or nil when its hash is
-- gone.
local function start_popped(slot, i, id)
  local fields = start_job(slot, i, id)
  if not fields then
    return nil
  end
  write_leases(slot)
  mark_slot_busy(slot, id)
  local pieces = {}
  append_started(pieces, slot, i, id, fields)
  return {join_started(pieces)}
end

-- Pops and starts up to `wanted` jobs, appending each to `pieces` (append_started): from the first queue while it
-- has jobs, then the next (priority); or, with `rotate`, one job from each queue in turn, starting over at the
-- first, as RQ's round_robin and random strategies take one job per search. Returns how many were started, or -1
-- when workers are suspended (none is taken).
local function take_jobs(slot, wanted, pieces, rotate)
  if redis.call('EXISTS', slot.suspended) == 1 then
    return -1
  end
  local taken = 0
  local queues = #slot.queue_keys
  local empty, empties = {}, 0 -- why: a queue found empty stays empty while the script runs; all empty ends it
  local i = 1
  while taken < wanted and empties < queues do
    local count = rotate and 1 or wanted - taken
    local ids = empty[i] and {} or pop_ids(slot, i, count)
    local started_here = false
    for _, id in ipairs(ids) do
      local fields = start_job(slot, i, id)
      if fields then
        taken = taken + 1
        started_here = true
        if taken == 1 then
          mark_slot_busy(slot, id)
        end
        append_started(pieces, slot, i, id, fields)
      end
    end
    if #ids < count and not empty[i] then
      empty[i] = true
      empties = empties + 1
    end
    if empty[i] or (rotate and started_here) then
      i = i % queues + 1
    end
  end
  write_leases(slot)
  return taken
end

-- Pops and starts the next job; returns {the started job packed}, {} when every queue is empty, or {-1} when
-- workers are suspended.
local function take_next(slot)
  local pieces = {}
  local taken = take_jobs(slot, 1, pieces)
  if taken < 0 then
    return {-1}
  end
  if taken == 0 then
    return {}
  end
  return {join_started(pieces)}
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
