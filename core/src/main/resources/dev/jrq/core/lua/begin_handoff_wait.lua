-- Note when an idle slot's wait begins, in Redis's clock: sent in the same pipeline just before the slot's BLMOVE,
-- so that dequeue_handoff.lua, behind it, knows how long the slot waited (see there).
-- KEYS[1] jrq:handoff-wait:<w>   ARGV[1] how long the note may outlive the wait, in milliseconds
local time = redis.call('TIME')
redis.call('SET', KEYS[1], time[1] .. string.format('%06d', tonumber(time[2])), 'PX', ARGV[1])
return 1
