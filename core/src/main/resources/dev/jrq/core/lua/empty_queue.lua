-- Empty a queue as RQ's Queue.empty() does: delete every queued job's hash and dependents set, then the list.
-- KEYS[1] rq:queue:<q>
-- ARGV[1] job key prefix ('rq:job:'); the job keys come from the list, as in RQ's own script
-- Returns the number of jobs removed.
local ids = redis.call('LRANGE', KEYS[1], 0, -1)
for _, id in ipairs(ids) do
  redis.call('DEL', ARGV[1] .. id, ARGV[1] .. id .. ':dependents')
end
redis.call('DEL', KEYS[1])
return #ids
