/**
 * The benchmark, run by hand and never by the test suite: {@link dev.jrq.bench.BenchMain} enqueues no-op jobs one
 * by one and in bulk, drains them with an in-process {@link dev.jrq.worker.Worker} at several concurrencies, runs a
 * fixed-rate producer beside a worker for enqueue-to-done latency, drains with worker JVMs started as processes of
 * their own ({@link dev.jrq.bench.WorkerProcess}: how 1, 2, 4 of them scale on one Redis, and how one with a small
 * heap fares on a million jobs), and prices each phase in Redis commands, Redis
 * CPU and JVM CPU per job, read from Redis' own {@code INFO} counters before and after it. An optional audit under
 * {@code MONITOR} counts the commands clients send per job (round trips) apart from those Lua scripts run inside
 * Redis. JRQ's own code talks to Redis through core; the benchmark's instrument connection ({@link
 * dev.jrq.bench.RedisAdmin}) sends only server commands that name no key ({@code INFO}, {@code FLUSHDB},
 * {@code MONITOR}).
 */
package dev.jrq.bench;
