-- Record a worker's death as RQ does: out of rq:workers and rq:workers:<q>, death time, hash kept for 60 s.
-- KEYS[1] rq:worker:<w>  KEYS[2] rq:workers  KEYS[3..] rq:workers:<q> for each queue
-- ARGV[1] the worker key  ARGV[2] now as an RQ timestamp
for i = 2, #KEYS do
  redis.call('SREM', KEYS[i], ARGV[1])
end
redis.call('HDEL', KEYS[1], 'current_job')
redis.call('HSET', KEYS[1], 'death', ARGV[2])
redis.call('EXPIRE', KEYS[1], 60)
return 1
