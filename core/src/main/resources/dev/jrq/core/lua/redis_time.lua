-- Redis's clock, in epoch microseconds, as a string (16 digits). Read by a worker to learn how far its own clock is
-- from Redis's (ClockOffset), so that dequeue_handoff.lua can stamp a start in the client's clock.
local time = redis.call('TIME')
return time[1] .. string.format('%06d', tonumber(time[2]))
