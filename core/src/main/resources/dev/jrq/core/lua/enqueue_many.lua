-- Enqueue a run of jobs of one queue that depend on no other job, in one call: each job's hash saved as
-- enqueue.lua saves it (lib/queued_job.lua), then the ids pushed with one RPUSH (and one LPUSH for those asked at
-- the front), in the order given. Atomic, so a reader sees all of the run or none of it. Jobs with dependencies
-- go through enqueue.lua.
-- KEYS[1] rq:queues   KEYS[2] rq:queue:<q>
-- ARGV[1] the queue key (member of rq:queues)   ARGV[2] the queue's name (the jobs' origin)
-- ARGV[3] the job key prefix (rq:job:)   ARGV[4] the jobs: one MessagePack array holding, for each job, its item
-- count and then its items, as lib/queued_job.lua reads them
-- Returns one outcome per job: 1 enqueued, 0 refused as a duplicate.
-- why a replay is told once per call: the call is atomic, so a resent call finds every job it saved before or
-- none; its first job that is not unique (never refused) tells which. A unique job, which the first call may
-- have refused, is looked at on its own.
local PUSH_CHUNK = 1000 -- why: unpack() of a very long list overflows Lua's C stack

local function push(command, ids)
  for from = 1, #ids, PUSH_CHUNK do
    redis.call(command, KEYS[2], unpack(ids, from, math.min(#ids, from + PUSH_CHUNK - 1)))
  end
end

local outcomes, tail, front = {}, {}, {}
local call_replayed -- nil until the call's first job that is not unique has been looked at
local items = cmsgpack.unpack(ARGV[4])
local at = 1 -- why: where the next job's item count lies; its items follow it
while at <= #items do
  local last = at + items[at]
  local id = items[at + 1]
  local key = ARGV[3] .. id
  local clash
  if queued_job_flag(items, at, 'U') then
    clash = queued_job_clash(key, items, at)
  else
    if call_replayed == nil then
      call_replayed = queued_job_replayed(key, items, at)
    end
    clash = call_replayed and 'replayed' or nil
  end
  if clash == 'replayed' then
    outcomes[#outcomes + 1] = 1 -- why: the id was pushed the first time
  elseif clash == 'duplicate' then
    outcomes[#outcomes + 1] = 0
  else
    save_queued_job(key, ARGV[2], items, at, last)
    if queued_job_flag(items, at, 'F') then
      front[#front + 1] = id
    else
      tail[#tail + 1] = id
    end
    outcomes[#outcomes + 1] = 1
  end
  at = last + 1
end
if #tail + #front > 0 then
  redis.call('SADD', KEYS[1], ARGV[1])
end
push('RPUSH', tail)
push('LPUSH', front)
return outcomes
