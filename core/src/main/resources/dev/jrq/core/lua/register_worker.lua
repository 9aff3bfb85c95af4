-- Register a worker as RQ does at birth: a fresh hash, listed in rq:workers and rq:workers:<q> for each queue.
-- KEYS[1] rq:worker:<w>  KEYS[2] rq:workers  KEYS[3..] rq:workers:<q> for each queue
-- ARGV[1] the worker key  ARGV[2] TTL seconds of the hash  ARGV[3..] field, value ... of the hash
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('EXPIRE', KEYS[1], ARGV[2])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[1])
end
return 1
