-- Empty a queue as RQ's Queue.empty() does: delete every queued job's hash and dependents set, then the list.
-- With a limit, only the first ARGV[2] jobs of the list, so that a queue of millions is emptied in steps that never
-- hold Redis for long.
-- KEYS[1] rq:queue:<q>
-- ARGV[1] job key prefix ('rq:job:'); the job keys come from the list, as in RQ's own script
-- ARGV[2] (optional) how many jobs at most, from the front
-- Returns the number of jobs removed.
local limit = tonumber(ARGV[2] or '0')
local ids = redis.call('LRANGE', KEYS[1], 0, limit > 0 and limit - 1 or -1)
for _, id in ipairs(ids) do
  redis.call('DEL', ARGV[1] .. id, ARGV[1] .. id .. ':dependents')
end
if limit > 0 and #ids > 0 then
  redis.call('LTRIM', KEYS[1], #ids, -1)
elseif limit <= 0 then
  redis.call('DEL', KEYS[1])
end
return #ids
