-- Give back jobs a worker slot took ahead but never began (finish_many.lua takes several at once): each goes back
-- to the front of its queue, in the order it was taken, queued again as before its start (started_at,
-- last_heartbeat and worker_name emptied, as an enqueue leaves them). Fenced by the lease, like a finish: a job
-- no longer in rq:wip:<q> under this worker is left alone.
-- KEYS[1] rq:queues   KEYS[2i], KEYS[2i+1]   rq:queue:<q_i>, rq:wip:<q_i> for each queue i = 1..n
-- ARGV[1] worker name   ARGV[2] job key prefix   ARGV[3..] pairs: job id, index i of its queue, in the order taken
-- Returns how many jobs were given back.
local given = 0
for n = #ARGV - 1, 3, -2 do -- why: the last first, so that LPUSH leaves them in the order they were taken
  local id, i = ARGV[n], tonumber(ARGV[n + 1])
  local job = ARGV[2] .. id
  if redis.call('HGET', job, 'worker_name') == ARGV[1] and redis.call('ZREM', KEYS[2 * i + 1], id) == 1 then
    redis.call('HSET', job, 'status', 'queued', 'started_at', '', 'last_heartbeat', '', 'worker_name', '')
    redis.call('SADD', KEYS[1], KEYS[2 * i])
    redis.call('LPUSH', KEYS[2 * i], id)
    given = given + 1
  end
end
return given
