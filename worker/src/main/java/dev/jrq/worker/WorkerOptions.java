package dev.jrq.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a worker runs.
 *
 * @param name        the worker's name; slots are named {@code name} (one slot) or {@code name.1 ... name.N}
 * @param queues      the queues to take jobs from, highest priority first
 * @param concurrency how many jobs run at once
 * @param burst       whether to exit once every queue is empty instead of waiting for more jobs
 * @param lease       how long a running job's lease lasts unless renewed: a job whose worker dies is taken over
 *                    by another worker's reaper after at most this long; the heartbeat renews it 6 times per lease
 * @param strategy    the order in which the queues are tried
 * @param maxJobs     the worker stops warmly after this many jobs (all slots together); 0 for no limit
 * @param maxIdleTime a slot with no job for this long stops (the worker exits when all have); {@code null} for
 *                    no limit
 */
public record WorkerOptions(String name, List<String> queues, int concurrency, boolean burst, Duration lease,
                            DequeueStrategy strategy, int maxJobs, Duration maxIdleTime) {

    /** Priority order, no job or idle limit. */
    public WorkerOptions(String name, List<String> queues, int concurrency, boolean burst, Duration lease) {
        this(name, queues, concurrency, burst, lease, DequeueStrategy.DEFAULT, 0, null);
    }

    public WorkerOptions {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(":") || name.contains(" ")) {
            throw new IllegalArgumentException("worker name '" + name + "' must not be blank or contain ':' or spaces");
        }
        queues = List.copyOf(queues);
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one queue");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1; was " + concurrency);
        }
        strategy = strategy == null ? DequeueStrategy.DEFAULT : strategy;
        if (maxJobs < 0) {
            throw new IllegalArgumentException("max jobs must be >= 0 (0: no limit); was " + maxJobs);
        }
        if (maxIdleTime != null && (maxIdleTime.isNegative() || maxIdleTime.isZero())) {
            throw new IllegalArgumentException("max idle time must be positive; was " + maxIdleTime);
        }
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the lease must last at least 1 s; was " + lease);
        }
    }

    /** How often the worker renews its registration and its running jobs' leases: six times per lease. */
    public Duration heartbeat() {
        return lease.dividedBy(6);
    }

    /**
     * How long a handler past its timeout may ignore the interrupt before it is abandoned: a sixth of the lease,
     * at most 10 s (the job is failed and the slot gets a fresh thread).
     */
    public Duration abandonGrace() {
        Duration sixth = lease.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : sixth;
    }

    /** How often the worker reaps jobs whose lease ran out: twice per lease. */
    public Duration reapInterval() {
        return lease.dividedBy(2);
    }

    /** The names under which the slots register as RQ workers. */
    public List<String> slotNames() {
        if (concurrency == 1) {
            return List.of(name);
        }
        return java.util.stream.IntStream.rangeClosed(1, concurrency).mapToObj(i -> name + "." + i).toList();
    }
}
