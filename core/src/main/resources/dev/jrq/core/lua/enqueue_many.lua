-- Enqueue a run of jobs of one queue that depend on no other job, in one call: each job's hash saved as
-- enqueue.lua saves it, then the ids pushed with one RPUSH (and one LPUSH for those asked at the front), in the
-- order given. Atomic, so a reader sees all of the run or none of it. Jobs with dependencies go through
-- enqueue.lua.
-- KEYS[1] rq:queues   KEYS[2] rq:queue:<q>   KEYS[2+i] rq:job:<id_i> for each job i = 1..n
-- ARGV[1] the queue key (member of rq:queues)   ARGV[2] n
-- then per job, in order: id, '1' at the front or '0' at the tail, ttl seconds while queued ('0' none),
-- '1' to refuse when its hash exists (unique id) or '0', its created_at (the replay marker, as in enqueue.lua),
-- the number of hash fields and values that follow (2m), then field, value, ... (status queued, enqueued_at)
-- Returns one outcome per job: 1 enqueued, 0 refused as a duplicate.
local PUSH_CHUNK = 1000 -- why: unpack() of a very long list overflows Lua's C stack

local function push(command, ids)
  for from = 1, #ids, PUSH_CHUNK do
    redis.call(command, KEYS[2], unpack(ids, from, math.min(#ids, from + PUSH_CHUNK - 1)))
  end
end

local outcomes, tail, front = {}, {}, {}
local arg = 3
for i = 1, tonumber(ARGV[2]) do
  local job = KEYS[2 + i]
  local id, at_front, ttl, unique, created_at = ARGV[arg], ARGV[arg + 1], ARGV[arg + 2], ARGV[arg + 3], ARGV[arg + 4]
  local fields = tonumber(ARGV[arg + 5])
  local first_field = arg + 6
  arg = first_field + fields
  if redis.call('HGET', job, 'created_at') == created_at then
    outcomes[i] = 1 -- why: a replay of this very call; the id was pushed the first time
  elseif unique == '1' and redis.call('EXISTS', job) == 1 then
    outcomes[i] = 0
  else
    redis.call('DEL', job)
    redis.call('HSET', job, unpack(ARGV, first_field, arg - 1))
    if tonumber(ttl) > 0 then
      redis.call('EXPIRE', job, ttl)
    end
    if at_front == '1' then
      front[#front + 1] = id
    else
      tail[#tail + 1] = id
    end
    outcomes[i] = 1
  end
end
if #tail + #front > 0 then
  redis.call('SADD', KEYS[1], ARGV[1])
end
push('RPUSH', tail)
push('LPUSH', front)
return outcomes
