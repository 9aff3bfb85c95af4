-- Library, prepended to the scripts that end a job (finish_many, finish_failure, cancel_job, delete_job).
-- settle_dependents(parent_id, parent_status, dependents_key, prefixes) releases the jobs waiting for a parent
-- that just ended: a deferred child whose dependencies are all met (finished; or ended in any way when it allows
-- dependency failures) is enqueued on its origin queue, at the front when its enqueue_at_front is 1. A child the
-- parent's failure blocks (failed, stopped or canceled, without allow_dependency_failures) stays deferred and is
-- marked, visibly: jrq_blocked_by = the parent's id, jrq_blocked_reason = why (RQ leaves it deferred silently).
-- why: the children's keys come from the dependents set, so they cannot be declared in KEYS; `prefixes` holds the
-- key layout (from RqKeys): job, queue, deferred registry prefixes and the rq:queues key.
local function dependency_met(status, allow_failures)
  if status == 'finished' then
    return true
  end
  return allow_failures and (status == 'failed' or status == 'stopped' or status == 'canceled')
end

local function settle_dependents(parent_id, parent_status, dependents_key, prefixes, now_ts)
  local released = 0
  local children = redis.call('SMEMBERS', dependents_key)
  if #children == 0 then
    return 0
  end
  for _, child in ipairs(children) do
    local child_key = prefixes.job .. child
    if redis.call('HGET', child_key, 'status') == 'deferred' then
      local allow = redis.call('HGET', child_key, 'allow_dependency_failures') == '1'
      if dependency_met(parent_status, allow) then
        local all_met = true
        for _, other in ipairs(redis.call('SMEMBERS', prefixes.job .. ':' .. child .. ':dependencies')) do
          local other_status = other == parent_id and parent_status
            or redis.call('HGET', prefixes.job .. other, 'status')
          if not dependency_met(other_status, allow) then
            all_met = false
            break
          end
        end
        if all_met then
          local origin = redis.call('HGET', child_key, 'origin')
          redis.call('ZREM', prefixes.deferred .. origin, child)
          redis.call('HDEL', child_key, 'jrq_blocked_by', 'jrq_blocked_reason')
          redis.call('HSET', child_key, 'status', 'queued', 'enqueued_at', now_ts)
          redis.call('SADD', prefixes.queues, prefixes.queue .. origin)
          if redis.call('HGET', child_key, 'enqueue_at_front') == '1' then
            redis.call('LPUSH', prefixes.queue .. origin, child)
          else
            redis.call('RPUSH', prefixes.queue .. origin, child)
          end
          released = released + 1
        end
      else
        redis.call('HSET', child_key, 'jrq_blocked_by', parent_id, 'jrq_blocked_reason',
          'dependency ' .. parent_id .. ' ended ' .. parent_status)
      end
    end
  end
  if parent_status == 'finished' then
    redis.call('DEL', dependents_key)
  end
  return released
end
