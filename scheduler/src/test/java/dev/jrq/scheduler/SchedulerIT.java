package dev.jrq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobRequest;
import dev.jrq.core.Job;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.Schedule;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.ScheduleTrigger;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class SchedulerIT {
    private static final Instant NOW = Instant.parse("2026-11-28T07:51:35Z");

    @Test
    void runOnce_dueJobAndDueTick_bothQueuedAndCountedWithTheirLateness(TestRedis redis) {
        MutableClock clock = MutableClock.at(NOW);
        JrqClient client = redis.newClient(clock);
        Job job = client.queue("default").enqueueAt(NOW.plusSeconds(5), "rqjobs.noop");
        ScheduleStore.of(client).save(Schedule.of("tick", "default", ScheduleTrigger.every(Duration.ofSeconds(10)),
                JobRequest.of("rqjobs.noop")));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Scheduler scheduler = scheduler(client, registry, List.of());

        scheduler.runOnce();
        assertThat(client.queue("default").isEmpty()).isTrue();
        clock.advance(Duration.ofSeconds(12));
        scheduler.runOnce();

        assertThat(client.queue("default").jobIds(0, 10)).containsExactly(job.id(), "tick-" + NOW.plusSeconds(10)
                .getEpochSecond());
        assertThat(scheduler.heldQueues()).containsExactly("default");
        assertThat(registry.get(SchedulerMetrics.MOVED).tags("queue", "default", "kind", "scheduled").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(SchedulerMetrics.LATENESS).tags("kind", "scheduled").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(registry.get(SchedulerMetrics.MOVED).tags("kind", "recurring").counter().count()).isEqualTo(1);
        assertThat(registry.get(SchedulerMetrics.SCHEDULES).tags("state", "active").gauge().value()).isEqualTo(1);
        assertThat(registry.get(SchedulerMetrics.NEXT_RUN).tags("schedule", "tick").gauge().value())
                .isEqualTo(NOW.plusSeconds(20).getEpochSecond());
        assertThat(registry.get(SchedulerMetrics.LOCK_HOLDER).tags("queue", "default", "holder", "sched-a").gauge()
                .value()).isEqualTo(1);
    }

    @Test
    void runOnce_anotherSchedulerHoldsTheLock_movesNothingUntilItStops(TestRedis redis) {
        MutableClock clock = MutableClock.at(NOW);
        JrqClient client = redis.newClient(clock);
        Scheduler active = scheduler(client, new SimpleMeterRegistry(), List.of("default"));
        Scheduler standby = new Scheduler(redis.newClient(clock), SchedulerOptions.defaults("sched-b",
                List.of("default")), new SchedulerMetrics());
        active.runOnce();
        Job job = client.queue("default").enqueueAt(NOW, "rqjobs.noop");

        standby.runOnce();
        assertThat(client.queue("default").isEmpty()).isTrue();
        active.stop();
        standby.runOnce();

        assertThat(standby.heldQueues()).containsExactly("default");
        assertThat(client.queue("default").jobIds(0, 10)).containsExactly(job.id());
    }

    /** The precision figure: how long after its due time a job is on its queue while a scheduler runs. */
    @Test
    void start_jobsDueAtTheNextSeconds_eachOnItsQueueWithinOneSecondOfItsTime(TestRedis redis) {
        JrqClient client = redis.newClient();
        Scheduler scheduler = scheduler(client, new SimpleMeterRegistry(), List.of());
        scheduler.start();
        JobQueue queue = client.queue("default");
        Instant first = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(queue.enqueueAt(first.plusSeconds(i), "rqjobs.noop", i));
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.count() == 4);
        } finally {
            scheduler.stop();
        }

        LongSummaryStatistics latency = jobs.stream().mapToLong(job -> Duration.between(
                first.plusSeconds((Integer) job.fetch().payload().args().get(0)), job.fetch().enqueuedAt()).toMillis())
                .summaryStatistics();
        System.out.println("[jrq-test] scheduled time to on-queue latency (ms): min " + latency.getMin() + ", max "
                + latency.getMax() + ", mean " + latency.getAverage());
        assertThat(latency.getMin()).isGreaterThanOrEqualTo(0);
        assertThat(latency.getMax()).isLessThan(1000);
    }

    private static Scheduler scheduler(JrqClient client, SimpleMeterRegistry registry, List<String> queues) {
        SchedulerMetrics metrics = new SchedulerMetrics();
        metrics.bindTo(registry);
        return new Scheduler(client, SchedulerOptions.defaults("sched-a", queues), metrics);
    }
}
