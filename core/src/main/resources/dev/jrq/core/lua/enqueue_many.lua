-- Enqueue a run of jobs of one queue that depend on no other job, in one call: each job's hash saved as
-- enqueue.lua saves it (lib/queued_job.lua), then the ids pushed with one RPUSH (and one LPUSH for those asked at
-- the front), in the order given. Atomic, so a reader sees all of the run or none of it. Jobs with dependencies
-- go through enqueue.lua.
-- KEYS[1] rq:queues   KEYS[2] rq:queue:<q>   KEYS[2+i] rq:job:<id_i> for each job i = 1..n
-- ARGV[1] the queue key (member of rq:queues)   ARGV[2] the queue's name (the jobs' origin)   ARGV[3] n
-- ARGV[4 ..] the n jobs, one after the other, each as lib/queued_job.lua reads it
-- Returns one outcome per job: 1 enqueued, 0 refused as a duplicate.
local PUSH_CHUNK = 1000 -- why: unpack() of a very long list overflows Lua's C stack

local function push(command, ids)
  for from = 1, #ids, PUSH_CHUNK do
    redis.call(command, KEYS[2], unpack(ids, from, math.min(#ids, from + PUSH_CHUNK - 1)))
  end
end

local outcomes, tail, front = {}, {}, {}
local at = 4
for i = 1, tonumber(ARGV[3]) do
  local job = KEYS[2 + i]
  local clash = queued_job_clash(job, at)
  if clash == 'replayed' then
    outcomes[i] = 1 -- why: the id was pushed the first time
  elseif clash == 'duplicate' then
    outcomes[i] = 0
  else
    save_queued_job(job, ARGV[2], at)
    if queued_job_flag(at, 'F') then
      front[#front + 1] = ARGV[at]
    else
      tail[#tail + 1] = ARGV[at]
    end
    outcomes[i] = 1
  end
  at = queued_job_end(at)
end
if #tail + #front > 0 then
  redis.call('SADD', KEYS[1], ARGV[1])
end
push('RPUSH', tail)
push('LPUSH', front)
return outcomes
