-- Move due scheduled jobs to their queue, as RQ's scheduler does (enqueue_job): each id leaves
-- rq:scheduled:<q>, its hash gets status 'queued' and enqueued_at, its id goes to the tail of the queue (the
-- head when the hash says enqueue_at_front = 1), its TTL starts (field ttl), and the queue is registered.
-- Atomic and safe to replay: an id is moved only when this very call removed it from the registry, so two
-- schedulers racing (or a resent call) enqueue it once; an id whose hash is gone is dropped from the registry.
-- KEYS[1] rq:scheduled:<q>
-- KEYS[2] rq:queue:<q>
-- KEYS[3] rq:queues
-- KEYS[4..] rq:job:<id> of each id in ARGV[3..], same order
-- ARGV[1] the queue key (member of rq:queues)
-- ARGV[2] enqueued_at timestamp (RQ format)
-- ARGV[3..] job ids read as due by peek_scheduled.lua
-- Returns { 1 or 0 per id: 1 = moved by this call }
local moved = {}
local any = false
for i = 3, #ARGV do
  local id = ARGV[i]
  local job = KEYS[i + 1]
  moved[#moved + 1] = 0
  if redis.call('ZREM', KEYS[1], id) == 1 and redis.call('EXISTS', job) == 1 then
    redis.call('HSET', job, 'status', 'queued', 'enqueued_at', ARGV[2])
    local ttl = tonumber(redis.call('HGET', job, 'ttl') or '')
    if ttl and ttl > 0 then
      redis.call('EXPIRE', job, ttl)
    end
    if redis.call('HGET', job, 'enqueue_at_front') == '1' then
      redis.call('LPUSH', KEYS[2], id)
    else
      redis.call('RPUSH', KEYS[2], id)
    end
    moved[#moved] = 1
    any = true
  end
end
if any then
  redis.call('SADD', KEYS[3], ARGV[1])
end
return moved
