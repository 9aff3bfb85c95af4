package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The worker's meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code jrq.jobs.started} {queue, job} ({@code jrq_jobs_started_total}): jobs taken;</li>
 *   <li>{@code jrq.jobs.completed} {queue, job, outcome} ({@code jrq_jobs_completed_total}): attempts ended, outcome
 *       one of {@code finished}, {@code failed}, {@code retried}, {@code stopped}, {@code fenced};</li>
 *   <li>{@code jrq.job.duration} {queue, job, outcome} ({@code jrq_job_duration_seconds}): run time, a histogram;</li>
 *   <li>{@code jrq.job.queue.wait} {queue} ({@code jrq_job_queue_wait_seconds}): enqueued to started, a histogram;</li>
 *   <li>{@code jrq.jobs.running} ({@code jrq_jobs_running}): jobs running in this process now;</li>
 *   <li>{@code jrq.worker.slots} {state} ({@code jrq_worker_slots}): this process's slots, busy or idle.</li>
 * </ul>
 * The {@code job} tag is the job's name when a handler is registered for it, else {@code unregistered}, so that
 * names read from Redis cannot grow the number of series.
 */
final class WorkerMetrics implements MeterBinder {
    static final String STARTED = "jrq.jobs.started";
    static final String COMPLETED = "jrq.jobs.completed";
    static final String DURATION = "jrq.job.duration";
    static final String QUEUE_WAIT = "jrq.job.queue.wait";
    static final String RUNNING = "jrq.jobs.running";
    static final String SLOTS = "jrq.worker.slots";

    private final Set<String> registeredNames;
    private final Function<Boolean, Integer> slotsBusy;
    private MeterRegistry registry;
    private final Map<String, Map<String, JobMeters>> byQueue = new ConcurrentHashMap<>();

    /**
     * @param registeredNames the names handlers are registered under
     * @param slotsBusy       how many slots are busy (true: each runs a job) or idle (false)
     */
    WorkerMetrics(Set<String> registeredNames, Function<Boolean, Integer> slotsBusy) {
        this.registeredNames = registeredNames;
        this.slotsBusy = slotsBusy;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        Gauge.builder(RUNNING, () -> slotsBusy.apply(true)).description("Jobs running in this worker process")
                .register(meterRegistry);
        Gauge.builder(SLOTS, () -> slotsBusy.apply(true)).tag("state", "busy")
                .description("Worker slots of this process, by state").register(meterRegistry);
        Gauge.builder(SLOTS, () -> slotsBusy.apply(false)).tag("state", "idle")
                .description("Worker slots of this process, by state").register(meterRegistry);
    }

    void jobStarted(ClaimedJob job) {
        JobMeters meters = meters(job);
        meters.started.increment();
        Instant enqueued = job.record().enqueuedAt();
        Instant started = job.record().startedAt();
        if (enqueued != null && started != null && !started.isBefore(enqueued)) {
            // why: in nanoseconds, not a Duration: one per job started
            meters.queueWait.record((started.getEpochSecond() - enqueued.getEpochSecond()) * 1_000_000_000L
                    + started.getNano() - enqueued.getNano(), TimeUnit.NANOSECONDS);
        }
    }

    void jobEnded(ClaimedJob job, String outcome, Duration took) {
        JobMeters meters = meters(job);
        Counter completed = meters.completed.get(outcome);
        Timer duration = meters.duration.get(outcome);
        if (completed == null || duration == null) {
            completed = meters.completed.computeIfAbsent(outcome, o -> Counter.builder(COMPLETED)
                    .description("Job attempts ended, by outcome").tags(meters.tags).tag("outcome", o)
                    .register(registry));
            duration = meters.duration.computeIfAbsent(outcome, o -> Timer.builder(DURATION)
                    .description("Job run time").tags(meters.tags).tag("outcome", o).publishPercentileHistogram()
                    .register(registry));
        }
        completed.increment();
        duration.record(took);
    }

    /** why: building tags and looking a meter up in the registry on every job costs allocation; found once here. */
    private JobMeters meters(ClaimedJob job) {
        Map<String, JobMeters> byName = byQueue.get(job.queue());
        if (byName == null) {
            byName = byQueue.computeIfAbsent(job.queue(), queue -> new ConcurrentHashMap<>());
        }
        String name = jobTag(job);
        JobMeters meters = byName.get(name);
        if (meters == null) {
            meters = byName.computeIfAbsent(name, tag -> new JobMeters(registry, job.queue(), tag));
        }
        return meters;
    }

    /** The meters of one queue and job name. */
    private static final class JobMeters {
        private final Tags tags;
        private final Counter started;
        private final Timer queueWait;
        private final Map<String, Counter> completed = new ConcurrentHashMap<>();
        private final Map<String, Timer> duration = new ConcurrentHashMap<>();

        JobMeters(MeterRegistry registry, String queue, String job) {
            this.tags = Tags.of("queue", queue, "job", job);
            this.started = Counter.builder(STARTED).description("Jobs taken by this worker").tags(tags)
                    .register(registry);
            this.queueWait = Timer.builder(QUEUE_WAIT).description("Time from enqueue to start").tag("queue", queue)
                    .publishPercentileHistogram().register(registry);
        }
    }

    private String jobTag(ClaimedJob job) {
        String name = job.jobName();
        return name != null && registeredNames.contains(name) ? name : "unregistered";
    }
}
