-- Delete a job everywhere it can be: its queue, every registry of its queue, its hash, results and sets; with
-- ARGV[2] = '1' also the jobs waiting for it (one level, as RQ's delete(delete_dependents=True)).
-- KEYS[1] rq:job:<id>  KEYS[2] rq:results:<id>  KEYS[3] rq:job:<id>:dependents  KEYS[4] rq:job::<id>:dependencies
-- KEYS[5] rq:queue:<q>  KEYS[6..] the registries of <q> (wip, finished, failed, deferred, scheduled, canceled)
-- ARGV[1] job id   ARGV[2] '1' to delete its dependents too
-- ARGV[3..6] the key layout for the dependents: job prefix, queue prefix, deferred prefix, results prefix
-- why: the dependents' keys come from the dependents set, so they cannot be declared in KEYS
-- Returns the number of jobs deleted (0 when the job did not exist).
local deleted = redis.call('EXISTS', KEYS[1])
if ARGV[2] == '1' then
  for _, child in ipairs(redis.call('SMEMBERS', KEYS[3])) do
    local child_key = ARGV[3] .. child
    local origin = redis.call('HGET', child_key, 'origin')
    if origin then
      redis.call('LREM', ARGV[4] .. origin, 0, child)
      redis.call('ZREM', ARGV[5] .. origin, child)
      deleted = deleted + redis.call('DEL', child_key)
    end
    redis.call('DEL', ARGV[6] .. child, child_key .. ':dependents', ARGV[3] .. ':' .. child .. ':dependencies')
  end
end
redis.call('LREM', KEYS[5], 0, ARGV[1])
for i = 6, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[1])
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return deleted
