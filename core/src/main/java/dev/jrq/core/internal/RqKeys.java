package dev.jrq.core.internal;

import java.util.List;

/**
 * Every Redis key JRQ touches, with RQ's names. Nothing else in JRQ concatenates a key.
 *
 * <p>Note {@link #jobDependencies(String)}: RQ writes {@code rq:job::<id>:dependencies} with a double colon,
 * and so do we, so that RQ reads it.
 */
public final class RqKeys {
    public static final String PREFIX = "rq:";
    public static final String JOB_PREFIX = "rq:job:";
    public static final String QUEUE_PREFIX = "rq:queue:";
    public static final String WORKER_PREFIX = "rq:worker:";
    public static final String QUEUES = "rq:queues";
    public static final String WORKERS = "rq:workers";
    public static final String SUSPENDED = "rq:suspended";

    private RqKeys() {
    }

    public static String queue(String queue) {
        return QUEUE_PREFIX + queue;
    }

    /** The queue name of a key from {@code rq:queues}, or {@code null} when it is not a queue key. */
    public static String queueName(String queueKey) {
        return queueKey.startsWith(QUEUE_PREFIX) ? queueKey.substring(QUEUE_PREFIX.length()) : null;
    }

    public static String job(String jobId) {
        return JOB_PREFIX + jobId;
    }

    public static String results(String jobId) {
        return PREFIX + "results:" + jobId;
    }

    public static String jobDependents(String jobId) {
        return JOB_PREFIX + jobId + ":dependents";
    }

    public static String jobDependencies(String jobId) {
        return JOB_PREFIX + ":" + jobId + ":dependencies";
    }

    /**
     * A registry of a queue: {@code rq:<kind>:<q>}, kind one of wip, finished, failed, deferred, scheduled,
     * canceled.
     */
    public static String registry(String kind, String queue) {
        return PREFIX + kind + ":" + queue;
    }

    /** Every registry of a queue, in the order wip, finished, failed, deferred, scheduled, canceled. */
    public static List<String> registries(String queue) {
        return List.of(registry("wip", queue), registry("finished", queue), registry("failed", queue),
                registry("deferred", queue), registry("scheduled", queue), registry("canceled", queue));
    }

    /**
     * The key layout the dependents library of the Lua scripts builds a child's keys from: the job prefix, the
     * queue prefix and the deferred registry prefix (a child's keys are read from a set, so cannot be declared).
     */
    public static List<String> dependentsLayout() {
        return List.of(JOB_PREFIX, QUEUE_PREFIX, registry("deferred", ""));
    }

    /** RQ's maintenance lock of a queue: whoever sets it (NX, 899 s) cleans the queue's registries. */
    public static String cleanRegistriesLock(String queue) {
        return PREFIX + "clean_registries:" + queue;
    }

    public static String worker(String workerName) {
        return WORKER_PREFIX + workerName;
    }

    /** The worker name of a key from {@code rq:workers}. */
    public static String workerName(String workerKey) {
        return workerKey.startsWith(WORKER_PREFIX) ? workerKey.substring(WORKER_PREFIX.length()) : workerKey;
    }

    public static String queueWorkers(String queue) {
        return WORKERS + ":" + queue;
    }

    public static String workerCommands(String workerName) {
        return PREFIX + "pubsub:" + workerName;
    }

    // --- scheduling: RQ's keys, then JRQ's own under jrq: (RQ has no recurring schedules) ---

    /** JRQ's own keys, for what RQ has no key for. */
    public static final String JRQ_PREFIX = "jrq:";
    /** Set of every recurring schedule's name. */
    public static final String SCHEDULES = JRQ_PREFIX + "schedules";
    /** Sorted set: name of each active (not paused) schedule, score = its next run in epoch milliseconds. */
    public static final String SCHEDULES_NEXT = JRQ_PREFIX + "schedules:next";

    /**
     * Hash of monotonic throughput totals, written by the JRQ worker's scripts atomically with each outcome (fenced
     * like the outcome: a finish that is fenced off counts nothing). Fields: {@code finished} and
     * {@code finished:<q>} count successful jobs; {@code failed} and {@code failed:<q>} count failed attempts,
     * as Sidekiq's {@code stat:failed} does: every failed attempt, including one that is then retried, a job
     * stopped by a user (RQ counts stopped jobs in {@code failed_job_count} too) and a job whose lease the reaper
     * found expired. A job put back on its queue by a cold shutdown counts nothing. Python RQ's workers do not
     * write it: it counts what JRQ workers did.
     */
    public static final String JRQ_STATS = JRQ_PREFIX + "stats";
    /**
     * Sorted set of throughput samples, one per minute, kept 24 hours: score = the minute's start in epoch seconds,
     * member = {@code <sampled at>:<finished>:<failed>} (the totals of {@link #JRQ_STATS} then). Dashboards write it.
     */
    public static final String THROUGHPUT_MINUTES = JRQ_STATS + ":minutes";
    /** Sorted set of throughput samples as {@link #THROUGHPUT_MINUTES}, one per hour, kept 30 days. */
    public static final String THROUGHPUT_HOURS = JRQ_STATS + ":hours";

    /** RQ's ScheduledJobRegistry of a queue: member job id, score = due time in integer epoch seconds. */
    public static String scheduled(String queue) {
        return registry("scheduled", queue);
    }

    /** RQ's scheduler lock of a queue: a string holding the PID of the holder, with an expiry. */
    public static String schedulerLock(String queue) {
        return PREFIX + "scheduler-lock:" + queue;
    }

    /** Who holds {@link #schedulerLock(String)} when a JRQ scheduler does: its unique name, same expiry. */
    public static String schedulerLockOwner(String queue) {
        return JRQ_PREFIX + "scheduler-lock-owner:" + queue;
    }

    /** Hash of one recurring schedule: definition (JSON), paused, next_run, last_run, last_job_id, runs. */
    public static String schedule(String name) {
        return JRQ_PREFIX + "schedule:" + name;
    }

    /**
     * A queue's hand-off list: an idle slot's {@code BLMOVE} moves the next id of {@code rq:queue:<q>} here, and
     * the start script pipelined behind it pops it at once; an id stays here only between the two.
     */
    public static String handoff(String queue) {
        return JRQ_PREFIX + "handoff:" + queue;
    }
}
