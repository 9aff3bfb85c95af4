package dev.jrq.scheduler;

import dev.jrq.core.FiredTick;
import dev.jrq.core.MovedJob;
import dev.jrq.core.ScheduleInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scheduler's meters, each name declared once here. Tags are bounded: queue, kind ({@code scheduled} for
 * one-off jobs, {@code recurring} for schedule ticks), schedule name, lock holder; never a job id.
 *
 * <ul>
 *   <li>{@code jrq.scheduler.jobs.moved{queue,kind}}: jobs put on their queue by this scheduler;</li>
 *   <li>{@code jrq.scheduler.lateness{queue,kind}}: how late after their due time they were (histogram);</li>
 *   <li>{@code jrq.scheduler.schedules{state}}: recurring schedules, active and paused;</li>
 *   <li>{@code jrq.scheduler.schedule.next.run{schedule,queue}}: each active schedule's next tick, epoch seconds;</li>
 *   <li>{@code jrq.scheduler.lock.held{queue}}: 1 where this scheduler holds the queue's lock, else 0;</li>
 *   <li>{@code jrq.scheduler.lock.holder{queue,holder}}: 1 for the scheduler that holds each queue's lock.</li>
 * </ul>
 *
 * <pre>{@code
 * SchedulerMetrics metrics = new SchedulerMetrics();
 * metrics.bindTo(registry);
 * }</pre>
 */
public final class SchedulerMetrics implements MeterBinder {
    static final String MOVED = "jrq.scheduler.jobs.moved";
    static final String LATENESS = "jrq.scheduler.lateness";
    static final String SCHEDULES = "jrq.scheduler.schedules";
    static final String NEXT_RUN = "jrq.scheduler.schedule.next.run";
    static final String LOCK_HELD = "jrq.scheduler.lock.held";
    static final String LOCK_HOLDER = "jrq.scheduler.lock.holder";

    private MeterRegistry registry;
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();
    private MultiGauge nextRuns;
    private MultiGauge locksHeld;
    private MultiGauge lockHolders;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(SCHEDULES, active, AtomicLong::get).tag("state", "active")
                .description("Recurring schedules that fire").register(registry);
        Gauge.builder(SCHEDULES, paused, AtomicLong::get).tag("state", "paused")
                .description("Recurring schedules paused").register(registry);
        nextRuns = MultiGauge.builder(NEXT_RUN).baseUnit("seconds")
                .description("Next tick of each active schedule, epoch seconds").register(registry);
        locksHeld = MultiGauge.builder(LOCK_HELD)
                .description("1 where this scheduler holds the queue's scheduler lock").register(registry);
        lockHolders = MultiGauge.builder(LOCK_HOLDER)
                .description("1 for the scheduler holding each queue's lock (a JRQ name or 'pid N')")
                .register(registry);
    }

    /** Records a one-off job moved to its queue. */
    public void moved(MovedJob job) {
        record(job.queue(), "scheduled", job.lateness());
    }

    /** Records a recurring schedule's tick enqueued. */
    public void fired(FiredTick tick) {
        record(tick.queue(), "recurring", tick.lateness());
    }

    /** Updates the gauges from the schedules and locks as read now. */
    public void refresh(Collection<ScheduleInfo> schedules, Collection<String> heldQueues,
                        Map<String, String> holders) {
        if (registry == null) {
            return;
        }
        active.set(schedules.stream().filter(info -> !info.paused()).count());
        paused.set(schedules.stream().filter(ScheduleInfo::paused).count());
        List<MultiGauge.Row<?>> next = new ArrayList<>();
        schedules.stream().filter(info -> !info.paused()).forEach(info -> next.add(MultiGauge.Row.of(
                Tags.of("schedule", info.name(), "queue", info.schedule().queue()), info.nextRun().getEpochSecond())));
        nextRuns.register(next, true);
        List<MultiGauge.Row<?>> heldRows = new ArrayList<>();
        holders.keySet().forEach(queue -> heldRows.add(MultiGauge.Row.of(Tags.of("queue", queue),
                heldQueues.contains(queue) ? 1 : 0)));
        locksHeld.register(heldRows, true);
        List<MultiGauge.Row<?>> holderRows = new ArrayList<>();
        holders.forEach((queue, holder) -> {
            if (!holder.isEmpty()) {
                holderRows.add(MultiGauge.Row.of(Tags.of("queue", queue, "holder", holder), 1));
            }
        });
        lockHolders.register(holderRows, true);
    }

    private void record(String queue, String kind, Duration lateness) {
        if (registry == null) {
            return;
        }
        Counter.builder(MOVED).tags("queue", queue, "kind", kind).description("Jobs put on their queue when due")
                .register(registry).increment();
        Timer.builder(LATENESS).tags("queue", queue, "kind", kind)
                .description("How late after its due time a job was put on its queue")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry).record(lateness);
    }
}
