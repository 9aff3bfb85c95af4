-- Delete a job everywhere it can be: its queue, every registry of its queue, its hash, results and sets.
-- KEYS[1] rq:job:<id>  KEYS[2] rq:results:<id>  KEYS[3] rq:job:<id>:dependents  KEYS[4] rq:job::<id>:dependencies
-- KEYS[5] rq:queue:<q>  KEYS[6..] the registries of <q> (wip, finished, failed, deferred, scheduled, canceled)
-- ARGV[1] job id
-- Returns 1 when the job existed, 0 otherwise.
local existed = redis.call('EXISTS', KEYS[1])
redis.call('LREM', KEYS[5], 0, ARGV[1])
for i = 6, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return existed
