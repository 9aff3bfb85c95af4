package dev.jrq.scheduler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a scheduler runs.
 *
 * <pre>{@code
 * SchedulerOptions options = SchedulerOptions.defaults("sched-1", List.of("default", "mail"));
 * }</pre>
 *
 * @param name         this scheduler's unique name (it marks the locks it holds)
 * @param queues       the queues whose scheduled jobs it moves; empty for every queue in {@code rq:queues}
 * @param pollInterval longest sleep between passes; it also wakes at the next due time it knows of
 * @param lockTtl      how long a queue's lock outlives a scheduler that died; another takes over after it
 * @param batchSize    at most how many due jobs one script moves (RQ: 1000)
 */
public record SchedulerOptions(String name, List<String> queues, Duration pollInterval, Duration lockTtl,
                               int batchSize) {
    /** The default poll interval: half of RQ's one second, so a job is on its queue within one second. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** The default lock expiry; RQ takes 61 s, which makes a failover that slow. */
    public static final Duration DEFAULT_LOCK_TTL = Duration.ofSeconds(15);

    public SchedulerOptions {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("scheduler name '" + name + "' must not be blank or contain spaces");
        }
        queues = List.copyOf(queues);
        pollInterval = pollInterval == null ? DEFAULT_POLL : pollInterval;
        lockTtl = lockTtl == null ? DEFAULT_LOCK_TTL : lockTtl;
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("poll interval must be at least 10ms; was " + pollInterval);
        }
        if (lockTtl.compareTo(pollInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("lock TTL (" + lockTtl + ") must be at least three poll intervals ("
                    + pollInterval + "), or the lock would expire between renewals");
        }
        batchSize = batchSize <= 0 ? 1000 : batchSize;
    }

    /** Default timings for the given queues (empty: all). */
    public static SchedulerOptions defaults(String name, List<String> queues) {
        return new SchedulerOptions(name, queues, null, null, 0);
    }
}
