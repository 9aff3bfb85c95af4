-- Remove a recurring schedule (jobs it enqueued already stay).
-- KEYS[1] jrq:schedule:<name>
-- KEYS[2] jrq:schedules:next
-- KEYS[3] jrq:schedules
-- ARGV[1] name
-- Returns 1 when it existed.
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
return redis.call('DEL', KEYS[1])
