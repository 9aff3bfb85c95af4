package dev.jrq.scheduler;

import dev.jrq.core.FiredTick;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.ScheduleInfo;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.SchedulerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's engine. Each pass: for every queue, take or keep its lock ({@code rq:scheduler-lock:<q>}) and,
 * when held, move its due jobs to the queue; then fire every recurring schedule whose tick has come. Between
 * passes it sleeps until the next due time it knows of, at most the poll interval. All time comes from the
 * client's clock.
 *
 * <pre>{@code
 * Scheduler scheduler = new Scheduler(client, SchedulerOptions.defaults("sched-1", List.of()), metrics);
 * scheduler.start();   // a thread of its own
 * ...
 * scheduler.stop();    // lets go of its locks, so another scheduler takes over at once
 * }</pre>
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);

    private final JrqClient client;
    private final SchedulerOptions options;
    private final SchedulerMetrics metrics;
    private final SchedulerStore store;
    private final ScheduleStore schedules;
    private final Clock clock;
    private final long pid = ProcessHandle.current().pid();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private Thread thread;
    private long lastMetricsRefresh;
    private boolean changed;

    public Scheduler(JrqClient client, SchedulerOptions options, SchedulerMetrics metrics) {
        this.client = client;
        this.options = options;
        this.metrics = metrics;
        this.store = SchedulerStore.of(client);
        this.schedules = ScheduleStore.of(client);
        this.clock = client.clock();
    }

    /** Starts the loop on a thread of its own. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("scheduler " + options.name() + " was started already");
        }
        running = true;
        thread = new Thread(this::loop, "jrq-scheduler");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Scheduler {} started on {} (poll {}, lock TTL {})", options.name(),
                options.queues().isEmpty() ? "every queue" : "queues " + options.queues(), options.pollInterval(),
                options.lockTtl());
    }

    /** Stops the loop and lets go of the locks this scheduler holds. */
    public void stop() {
        Thread loop;
        synchronized (this) {
            running = false;
            loop = thread;
        }
        if (loop != null) {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
            try {
                loop.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLocks();
        LOG.info("Scheduler {} stopped", options.name());
    }

    /**
     * One pass: keep the locks, move due jobs of the queues held, fire due recurring schedules. Returns when the
     * next pass should run. Errors (Redis down) are logged and the pass goes on with the next queue.
     */
    public synchronized Instant runOnce() {
        Instant wake = clock.instant().plus(options.pollInterval());
        for (String queue : queues()) {
            wake = earliest(wake, serveQueue(queue));
        }
        wake = earliest(wake, fireSchedules());
        refreshMetricsNowAndThen();
        return wake;
    }

    /** The queues whose lock this scheduler holds now. */
    public Set<String> heldQueues() {
        return Set.copyOf(held);
    }

    public SchedulerOptions options() {
        return options;
    }

    private void loop() {
        while (running) {
            Instant wake;
            try {
                wake = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("scheduler pass failed: {}", e.toString());
                wake = clock.instant().plus(options.pollInterval());
            }
            sleepUntil(wake);
        }
    }

    private Instant serveQueue(String queue) {
        try {
            if (!store.holdLock(queue, options.name(), pid, options.lockTtl())) {
                if (held.remove(queue)) {
                    LOG.warn("Scheduler {} lost the lock of queue {}", options.name(), queue);
                }
                return null;
            }
            if (held.add(queue)) {
                LOG.info("Scheduler {} holds the lock of queue {}", options.name(), queue);
            }
            SchedulerStore.DueJobs pass;
            do {
                pass = store.moveDue(queue, options.batchSize());
                pass.moved().forEach(metrics::moved);
                if (!pass.moved().isEmpty()) {
                    changed = true;
                    LOG.debug("moved {} job(s) to queue {}", pass.moved().size(), queue);
                }
            } while (pass.more() && running);
            return pass.nextDue();
        } catch (RuntimeException e) {
            LOG.warn("scheduler pass over queue {} failed: {}", queue, e.toString());
            return null;
        }
    }

    private Instant fireSchedules() {
        try {
            for (ScheduleInfo due : schedules.due(100)) {
                schedules.fire(due).ifPresent(this::fired);
            }
            return schedules.nextDue().orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("firing recurring schedules failed: {}", e.toString());
            return null;
        }
    }

    private void fired(FiredTick tick) {
        changed = true;
        metrics.fired(tick);
        LOG.info("Schedule {} enqueued job {} on {} for {} ({} ms late)", tick.schedule(), tick.jobId(), tick.queue(),
                tick.tick(), tick.lateness().toMillis());
    }

    private List<String> queues() {
        if (!options.queues().isEmpty()) {
            return options.queues();
        }
        Set<String> names = new TreeSet<>(held);
        client.queues().stream().map(JobQueue::name).forEach(names::add);
        return List.copyOf(names);
    }

    private void releaseLocks() {
        for (String queue : Set.copyOf(held)) {
            try {
                store.releaseLock(queue, options.name(), pid);
            } catch (RuntimeException e) {
                LOG.warn("could not release the scheduler lock of {}: {}", queue, e.getMessage());
            }
            held.remove(queue);
        }
    }

    private void refreshMetricsNowAndThen() {
        long now = System.nanoTime();
        if (!changed && lastMetricsRefresh != 0 && now - lastMetricsRefresh < METRICS_REFRESH.toNanos()) {
            return;
        }
        lastMetricsRefresh = now;
        changed = false;
        try {
            metrics.refresh(schedules.list(), held, queues().stream()
                    .collect(java.util.stream.Collectors.toMap(q -> q, q -> store.lockHolder(q).orElse(""))));
        } catch (RuntimeException e) {
            LOG.debug("metrics refresh failed: {}", e.toString());
        }
    }

    private void sleepUntil(Instant wake) {
        long millis = Duration.between(clock.instant(), wake).toMillis();
        // why: the clock may be a test's, standing still; never sleep past one poll interval of real time
        millis = Math.max(1, Math.min(millis, options.pollInterval().toMillis()));
        synchronized (wakeUp) {
            if (!running) {
                return;
            }
            try {
                wakeUp.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
