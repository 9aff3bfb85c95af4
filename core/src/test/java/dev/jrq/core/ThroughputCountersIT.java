package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/**
 * The throughput totals in {@code jrq:stats}: moved once per booked outcome, atomically with it, never by a
 * fenced-off finish; every failed attempt counts as failed (a retried one too, as Sidekiq's stat:failed).
 */
@ExtendWith(RedisServerExtension.class)
class ThroughputCountersIT {
    private static final Instant START = Instant.parse("2026-11-28T07:51:35Z");
    private static final String WORKER = "w1";

    private final MutableClock clock = MutableClock.at(START);
    private TestRedis redis;
    private JrqClient client;
    private WorkerStore store;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient(clock);
        this.store = client.workerStore();
        store.register(WORKER, List.of("high", "low"), Map.of());
    }

    @Test
    void finishSuccess_twoQueues_totalAndPerQueueCounted() throws Exception {
        client.queue("high").enqueue("rqjobs.noop");
        client.queue("high").enqueue("rqjobs.noop");
        client.queue("low").enqueue("rqjobs.noop");

        for (int i = 0; i < 3; i++) {
            assertThat(store.finishSuccess(WORKER, take(), null)).isTrue();
        }

        assertThat(stats()).isEqualTo(Map.of("finished", "3", "finished:high", "2", "finished:low", "1"));
    }

    @Test
    void finishMany_countsTheFinishedJobsOnly() throws Exception {
        client.queue("high").enqueue("rqjobs.noop");
        client.queue("high").enqueue("rqjobs.noop");

        WorkerStore.Batch batch = store.finishMany(WORKER, List.of(new WorkerStore.Success(take(), "")),
                List.of("high"), 2, false);

        assertThat(batch.taken()).hasSize(1);
        assertThat(stats()).isEqualTo(Map.of("finished", "1", "finished:high", "1"));
    }

    @Test
    void finishSuccess_resultTtlZero_stillCounted() throws Exception {
        client.queue("high").enqueue(JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().resultTtl(Duration.ZERO).build()));

        store.finishSuccess(WORKER, take(), null);

        assertThat(stats()).containsEntry("finished", "1").containsEntry("finished:high", "1");
    }

    @Test
    void finish_fencedOff_countsNothing() throws Exception {
        Job job = client.queue("high").enqueue("rqjobs.noop");
        ClaimedJob claimed = take();
        redis.raw().getScoredSortedSet("rq:wip:high", StringCodec.INSTANCE).remove(job.id());

        assertThat(store.finishSuccess(WORKER, claimed, 1)).isFalse();
        assertThat(store.finishFailure(WORKER, claimed, "late", Duration.ofMillis(5)))
                .isEqualTo(WorkerStore.FailureOutcome.FENCED);
        assertThat(store.finishStopped(WORKER, claimed, Duration.ofMillis(5)))
                .isEqualTo(WorkerStore.FailureOutcome.FENCED);

        assertThat(stats()).isEmpty();
    }

    @Test
    void finishSuccess_twiceForOneJob_countedOnce() throws Exception {
        client.queue("high").enqueue("rqjobs.noop");
        ClaimedJob claimed = take();

        assertThat(store.finishSuccess(WORKER, claimed, 1)).isTrue();
        assertThat(store.finishSuccess(WORKER, claimed, 1)).as("a replayed call").isFalse();

        assertThat(stats()).isEqualTo(Map.of("finished", "1", "finished:high", "1"));
    }

    @Test
    void finishFailure_retriedThenFailedForGood_everyAttemptCountedAsFailed() throws Exception {
        client.queue("low").enqueue(JobRequest.of("rqjobs.fail")
                .withOptions(JobOptions.builder().retry(Retry.max(1)).build()));

        assertThat(store.finishFailure(WORKER, take(), "first", Duration.ofMillis(1)))
                .isEqualTo(WorkerStore.FailureOutcome.REQUEUED);
        assertThat(stats()).isEqualTo(Map.of("failed", "1", "failed:low", "1"));
        assertThat(store.finishFailure(WORKER, take(), "second", Duration.ofMillis(1)))
                .isEqualTo(WorkerStore.FailureOutcome.FAILED);

        assertThat(stats()).isEqualTo(Map.of("failed", "2", "failed:low", "2"));
    }

    @Test
    void finishStopped_countedAsFailed() throws Exception {
        client.queue("high").enqueue("rqjobs.slow");

        store.finishStopped(WORKER, take(), Duration.ofMillis(1));

        assertThat(stats()).isEqualTo(Map.of("failed", "1", "failed:high", "1"));
    }

    @Test
    void reapExpiredLeases_countedOnceWhicheverReaperRunsAgain() throws Exception {
        client.queue("high").enqueue("rqjobs.slow");
        ClaimedJob claimed = take();
        clock.advance(store.lease().plusSeconds(1));

        assertThat(store.reapExpiredLeases("reaper-1", "high")).isEqualTo(1);
        assertThat(store.reapExpiredLeases("reaper-2", "high")).isZero();
        assertThat(store.finishSuccess(WORKER, claimed, 1)).as("the late finish").isFalse();

        assertThat(stats()).isEqualTo(Map.of("failed", "1", "failed:high", "1"));
    }

    @Test
    void requeueRunning_coldShutdown_countsNothing() throws Exception {
        client.queue("high").enqueue("rqjobs.slow");

        assertThat(store.requeueRunning(WORKER, take(), "cold shutdown")).isTrue();

        assertThat(stats()).isEmpty();
    }

    private ClaimedJob take() throws InterruptedException {
        return store.take(WORKER, List.of("high", "low"), Duration.ZERO).claimed().orElseThrow();
    }

    private Map<String, String> stats() {
        return redis.hash(RqKeys.JRQ_STATS);
    }
}
