-- Take the next job for a worker slot and mark it started, in one round trip.
-- Queues are tried in the order given (priority). An id whose job hash is gone (deleted or expired while
-- queued) is dropped, as RQ does, and the next one is tried.
-- KEYS[1] rq:worker:<w>                 the slot's worker hash
-- KEYS[2] rq:suspended                  when it exists, nothing is popped (RQ's `rq suspend`)
-- KEYS[2*i+1], KEYS[2*i+2]              rq:queue:<q_i>, rq:wip:<q_i> for each queue i = 1..n
-- ARGV[1] job key prefix ('rq:job:')    why: the job id is only known after the pop, so the job key cannot be
--                                      declared; the cluster layout will keep it in the queue's hash slot
-- ARGV[2] now as an RQ timestamp
-- ARGV[3] lease deadline, epoch seconds (score in rq:wip:<q>)
-- ARGV[4] worker name
-- ARGV[5] an id already popped by BLPOP, or '' to pop here
-- ARGV[6] the index i of the queue the id was popped from (when ARGV[5] is set)
-- ARGV[7..] queue names, in the order of KEYS
-- Returns {queue name, job id, field, value, ...} of the started job, {} when every queue is empty, or
-- {'suspended'} when workers are suspended and no id was given.
local function start(i, id)
  local job = ARGV[1] .. id
  if redis.call('EXISTS', job) == 0 then
    return nil
  end
  redis.call('HSET', job, 'status', 'started', 'started_at', ARGV[2], 'last_heartbeat', ARGV[2],
    'worker_name', ARGV[4])
  redis.call('PERSIST', job)
  redis.call('ZADD', KEYS[2 * i + 2], ARGV[3], id)
  if redis.call('EXISTS', KEYS[1]) == 1 then -- why: never recreate an expired worker hash as a stub
    redis.call('HSET', KEYS[1], 'state', 'busy', 'current_job', id, 'current_job_working_time', '0',
      'last_heartbeat', ARGV[2])
  end
  local result = {ARGV[6 + i], id}
  local fields = redis.call('HGETALL', job)
  for n = 1, #fields do
    result[#result + 1] = fields[n]
  end
  return result
end

if ARGV[5] ~= '' then
  local started = start(tonumber(ARGV[6]), ARGV[5])
  if started then
    return started
  end
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return {'suspended'}
end
local queues = (#KEYS - 2) / 2
for i = 1, queues do
  while true do
    local id = redis.call('LPOP', KEYS[2 * i + 1])
    if not id then
      break
    end
    local started = start(i, id)
    if started then
      return started
    end
  end
end
return {}
