/**
 * How JRQ lays out RQ's data in Redis, and nothing else may know: the key names ({@link
 * dev.jrq.core.internal.RqKeys}), the field formats of a job hash (timestamps, zlib payload, base64 results), the
 * Lua scripts that make every multi-key change one atomic round trip, and the decoding of what Python RQ wrote.
 *
 * <p>Structures (RQ's own, see the wire-format reference): {@code rq:queue:<q>} lists of job ids;
 * {@code rq:job:<id>} hashes; {@code rq:results:<id>} streams of results; {@code rq:wip|finished|failed|deferred|
 * scheduled|canceled:<q>} sorted sets (scores are epoch seconds: a lease deadline in {@code wip}, an expiry in
 * {@code finished}/{@code failed}, a due time in {@code scheduled}, an event time in the others); {@code
 * rq:workers} and {@code rq:worker:<w>}; {@code rq:pubsub:<w>} command channels; {@code rq:scheduler-lock:<q>}.
 * JRQ's own, for what RQ has no key for: {@code jrq:schedules} (set of recurring schedule names),
 * {@code jrq:schedules:next} (sorted set, next run in epoch milliseconds), {@code jrq:schedule:<name>} (hash:
 * definition, state, last run), {@code jrq:scheduler-lock-owner:<q>} (which JRQ scheduler holds RQ's lock),
 * and {@code jrq:handoff:<q>} (a list: ids an idle slot's {@code BLMOVE} moved, for the start pipelined behind it).
 *
 * <p>Delivery guarantee: a job is taken and marked started in one script that also records its lease in
 * {@code rq:wip:<q>}; a finish is fenced by that lease, so a job is run at least once and never booked twice.
 */
package dev.jrq.core.internal;
