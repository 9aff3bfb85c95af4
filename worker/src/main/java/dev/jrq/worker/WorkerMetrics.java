package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

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
    private final IntSupplier running;
    private final Function<Boolean, Integer> slotsBusy;
    private MeterRegistry registry;

    /**
     * @param registeredNames the names handlers are registered under
     * @param running         how many jobs run now
     * @param slotsBusy       how many slots are busy (true) or idle (false)
     */
    WorkerMetrics(Set<String> registeredNames, IntSupplier running, Function<Boolean, Integer> slotsBusy) {
        this.registeredNames = registeredNames;
        this.running = running;
        this.slotsBusy = slotsBusy;
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        this.registry = meterRegistry;
        Gauge.builder(RUNNING, running::getAsInt).description("Jobs running in this worker process")
                .register(meterRegistry);
        Gauge.builder(SLOTS, () -> slotsBusy.apply(true)).tag("state", "busy")
                .description("Worker slots of this process, by state").register(meterRegistry);
        Gauge.builder(SLOTS, () -> slotsBusy.apply(false)).tag("state", "idle")
                .description("Worker slots of this process, by state").register(meterRegistry);
    }

    void jobStarted(ClaimedJob job) {
        Counter.builder(STARTED).description("Jobs taken by this worker").tag("queue", job.queue())
                .tag("job", jobTag(job)).register(registry).increment();
        Instant enqueued = job.record().enqueuedAt();
        Instant started = job.record().startedAt();
        if (enqueued != null && started != null && !started.isBefore(enqueued)) {
            Timer.builder(QUEUE_WAIT).description("Time from enqueue to start").tag("queue", job.queue())
                    .publishPercentileHistogram().register(registry).record(Duration.between(enqueued, started));
        }
    }

    void jobEnded(ClaimedJob job, String outcome, Duration took) {
        Counter.builder(COMPLETED).description("Job attempts ended, by outcome").tag("queue", job.queue())
                .tag("job", jobTag(job)).tag("outcome", outcome).register(registry).increment();
        Timer.builder(DURATION).description("Job run time").tag("queue", job.queue()).tag("job", jobTag(job))
                .tag("outcome", outcome).publishPercentileHistogram().register(registry).record(took);
    }

    private String jobTag(ClaimedJob job) {
        String name = job.jobName();
        return name != null && registeredNames.contains(name) ? name : "unregistered";
    }
}
