-- Library, prepended to dequeue_handoff.lua: RQ's timestamps computed in Redis.

-- RQ's timestamp ('%Y-%m-%dT%H:%M:%S.%fZ', UTC) of a Unix time; why: Redis's Lua has no os.date.
local function rq_timestamp(seconds, micros)
  local days = math.floor(seconds / 86400)
  local of_day = seconds - days * 86400
  -- civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local day = doy - math.floor((153 * mp + 2) / 5) + 1
  local month = mp < 10 and mp + 3 or mp - 9
  local year = yoe + era * 400 + (month <= 2 and 1 or 0)
  return string.format('%04d-%02d-%02dT%02d:%02d:%02d.%06dZ', year, month, day, math.floor(of_day / 3600),
    math.floor(of_day % 3600 / 60), of_day % 60, micros)
end
