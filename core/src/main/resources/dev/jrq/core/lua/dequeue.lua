-- Take the next job for a worker slot and mark it started, in one round trip (see lib/take.lua).
-- KEYS[1] rq:worker:<w>   KEYS[2] rq:suspended (when it exists, nothing is popped: RQ's `rq suspend`)
-- KEYS[2*i+1], KEYS[2*i+2]   rq:queue:<q_i>, rq:wip:<q_i> for each queue i = 1..n
-- ARGV[1] an id already popped by BLPOP, or '' to pop here   ARGV[2] the index i of its queue
-- ARGV[3] job key prefix ('rq:job:')   ARGV[4] now as an RQ timestamp   ARGV[5] lease deadline, epoch seconds
-- ARGV[6] worker name   ARGV[7..] queue names, in the order of KEYS
-- Returns {the started job: its queue name, id and hash packed as one string (see lib/take.lua)}, {} when every
-- queue is empty, or {-1} when workers are suspended and no id was given.
local slot = slot_from(1, 3)
if ARGV[1] ~= '' then
  local started = start_popped(slot, tonumber(ARGV[2]), ARGV[1])
  if started then
    return started
  end
end
return take_next(slot)
