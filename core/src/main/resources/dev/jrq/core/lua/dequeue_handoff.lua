-- Start the job that an idle slot's BLMOVE has just moved from rq:queue:<q> to the queue's hand-off list, sent in
-- the same pipeline right behind the BLMOVE: Redis runs it the moment the BLMOVE returns, so an idle slot's pickup
-- is one round trip (as RQ's BLPOP alone), and an id is never only in a client's memory.
-- KEYS[1] rq:worker:<w>   KEYS[2] rq:suspended   KEYS[3] rq:queue:<q>   KEYS[4] rq:wip:<q>   KEYS[5] jrq:handoff:<q>
-- ARGV[1] job key prefix ('rq:job:')   ARGV[2] the lease, in seconds   ARGV[3] worker name   ARGV[4] queue name
-- ARGV[5] the client's clock minus Redis's, in microseconds (ClockOffset, measured at least once a minute)
-- The start time is Redis's clock the moment the move returned, moved onto the client's clock by that offset: the
-- client's clock stays the one that stamps and leases every job, as on every other path. why not a note of when the
-- wait began, sent in the pipeline: one script call more per idle pickup (docs/performance.md, change 36)
-- Returns {the started job packed (its queue name, id and hash, see lib/take.lua), its start time in epoch
-- microseconds, jobs still in rq:queue:<q>}, {} when the hand-off list was empty (the BLMOVE timed out, or a
-- reaper moved the id back), or {-1} when workers are suspended (the id goes back to the front of its queue).

local id = redis.call('LPOP', KEYS[5])
if not id then
  return {}
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('LPUSH', KEYS[3], id)
  return {-1}
end
local time = redis.call('TIME')
-- why: epoch microseconds are below 2^53, exact in Lua's doubles
local now = tonumber(time[1]) * 1000000 + tonumber(time[2]) + tonumber(ARGV[5])
local seconds = math.floor(now / 1000000)
local slot = {worker = KEYS[1], suspended = KEYS[2], queue_keys = {KEYS[3]}, wip_keys = {KEYS[4]},
  queue_names = {ARGV[4]}, job_prefix = ARGV[1], now = rq_timestamp(seconds, now - seconds * 1000000),
  deadline = seconds + tonumber(ARGV[2]), name = ARGV[3]}
local started = start_popped(slot, 1, id)
if not started then
  return {} -- why: its hash is gone (deleted or expired while queued); RQ drops such an id too
end
started[2] = string.format('%d', now)
-- why: a slot that took the last job queued sends its finish with its next wait (WorkerStore.finishThenWait)
started[3] = redis.call('LLEN', KEYS[3])
return started
