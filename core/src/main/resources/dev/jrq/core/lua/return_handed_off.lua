-- Put back, at the front of their queue and in their order, ids left in the queue's hand-off list: a slot's
-- BLMOVE moved them there but the start sent behind it never ran (its client went away mid-pipeline, or Redis
-- had forgotten the script). A start that comes later finds the list empty and its slot waits again: the id is
-- taken from the queue like any other.
-- KEYS[1] jrq:handoff:<q>   KEYS[2] rq:queue:<q>
-- Returns how many ids were put back.
local count = 0
local id = redis.call('RPOP', KEYS[1])
while id do
  redis.call('LPUSH', KEYS[2], id)
  count = count + 1
  id = redis.call('RPOP', KEYS[1])
end
return count
