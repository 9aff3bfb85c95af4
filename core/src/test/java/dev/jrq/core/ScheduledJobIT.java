package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** enqueueAt/enqueueIn in RQ's layout, and moving due jobs with {@link SchedulerStore}, racing included. */
@ExtendWith(RedisServerExtension.class)
class ScheduledJobIT {
    private static final Instant NOW = Instant.parse("2026-11-28T07:51:35.250Z");

    private TestRedis redis;
    private MutableClock clock;
    private JrqClient client;
    private JobQueue queue;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.clock = MutableClock.at(NOW);
        this.client = redis.newClient(clock);
        this.queue = client.queue("default");
    }

    @Test
    void enqueueAt_futureTime_scheduledAsRqWritesIt() {
        Job job = queue.enqueueAt(Instant.parse("2026-11-28T08:00:07.798Z"), "test_job.i_am_a_job", 7);

        assertThat(queue.isEmpty()).isTrue();
        assertThat(redis.zscore("rq:scheduled:default", job.id())).isEqualTo("1795852807");
        assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(redis.hash(RqKeys.job(job.id()))).containsEntry("status", "scheduled")
                .containsEntry("origin", "default").containsEntry("created_at", "2026-11-28T07:51:35.250000Z")
                .doesNotContainKey("enqueued_at").doesNotContainKey("enqueue_at_front");
        assertThat(redis.raw().getSet("rq:queues", org.redisson.client.codec.StringCodec.INSTANCE).readAll())
                .containsExactly("rq:queue:default");
        assertThat(queue.registry(RegistryType.SCHEDULED).jobIds(0, 10)).containsExactly(job.id());
    }

    @Test
    void enqueueIn_atFront_dueAfterTheDelayAndMarkedForTheFront() {
        Job job = queue.enqueueIn(Duration.ofMinutes(5), JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().atFront(true).build()));

        assertThat(redis.zscore("rq:scheduled:default", job.id()))
                .isEqualTo(String.valueOf(NOW.plusSeconds(300).getEpochSecond()));
        assertThat(redis.hash(RqKeys.job(job.id()))).containsEntry("enqueue_at_front", "1");
    }

    @Test
    void moveDue_dueAndFutureJobs_onlyDueOnesQueuedInDueOrderWithEnqueuedAt() {
        Job later = queue.enqueueAt(NOW.plusSeconds(60), "rqjobs.noop");
        Job second = queue.enqueueAt(NOW.plusSeconds(2), "rqjobs.noop");
        Job first = queue.enqueueAt(NOW.plusSeconds(1), "rqjobs.noop");
        clock.advance(Duration.ofSeconds(3));

        SchedulerStore.DueJobs pass = SchedulerStore.of(client).moveDue("default", 1000);

        assertThat(queue.jobIds(0, 10)).containsExactly(first.id(), second.id());
        assertThat(pass.moved()).extracting(MovedJob::jobId).containsExactly(first.id(), second.id());
        assertThat(pass.nextDue()).isEqualTo(Instant.ofEpochSecond(NOW.plusSeconds(60).getEpochSecond()));
        assertThat(first.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(first.fetch().enqueuedAt()).isEqualTo(clock.instant());
        assertThat(later.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(queue.registry(RegistryType.SCHEDULED).jobIds(0, 10)).containsExactly(later.id());
    }

    @Test
    void moveDue_jobDueWhileNoSchedulerRan_queuedLateWithItsLatenessMeasured() {
        Job job = queue.enqueueAt(NOW.plusSeconds(10), "rqjobs.noop");
        clock.advance(Duration.ofHours(2));

        MovedJob moved = SchedulerStore.of(client).moveDue("default", 1000).moved().get(0);

        assertThat(moved.jobId()).isEqualTo(job.id());
        assertThat(moved.lateness()).isGreaterThan(Duration.ofMinutes(119));
        assertThat(queue.jobIds(0, 10)).containsExactly(job.id());
    }

    @Test
    void moveDue_atFrontAndTtl_pushedAtTheHeadAndExpiryStarts() {
        queue.enqueue("rqjobs.noop");
        Job front = queue.enqueueAt(NOW, JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().atFront(true).ttl(Duration.ofSeconds(600)).build()));

        SchedulerStore.of(client).moveDue("default", 1000);

        assertThat(queue.jobIds(0, 10)).hasSize(2).first().isEqualTo(front.id());
        assertThat(redis.ttlSeconds(RqKeys.job(front.id()))).isBetween(590L, 600L);
    }

    @Test
    void moveDue_canceledOrDeletedScheduledJob_neverQueued() {
        Job canceled = queue.enqueueAt(NOW, "rqjobs.noop");
        Job deleted = queue.enqueueAt(NOW, "rqjobs.noop");
        canceled.cancel();
        redis.raw().getKeys().delete(RqKeys.job(deleted.id()));

        assertThat(SchedulerStore.of(client).moveDue("default", 1000).moved()).isEmpty();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.registry(RegistryType.SCHEDULED).count()).isZero();
    }

    @Test
    void moveDue_threeSchedulersRacing_everyJobQueuedExactlyOnce() throws Exception {
        List<String> scheduled = new ArrayList<>();
        IntStream.range(0, 600).forEach(i -> scheduled.add(queue.enqueueAt(NOW.minusSeconds(i % 7), "rqjobs.noop",
                i).id()));
        List<SchedulerStore> racers = List.of(SchedulerStore.of(redis.newClient(clock)),
                SchedulerStore.of(redis.newClient(clock)), SchedulerStore.of(redis.newClient(clock)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> counts = new ArrayList<>();
        for (SchedulerStore racer : racers) {
            counts.add(pool.submit(() -> {
                go.await();
                int moved = 0;
                SchedulerStore.DueJobs pass;
                do {
                    pass = racer.moveDue("default", 50);
                    moved += pass.moved().size();
                } while (pass.more());
                return moved;
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        pool.shutdown();

        List<String> queued = queue.jobIds(0, 1000);
        assertThat(total).isEqualTo(600);
        assertThat(queued).hasSize(600).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scheduled);
        assertThat(queue.registry(RegistryType.SCHEDULED).count()).isZero();
    }

    @Test
    void holdLock_twoSchedulers_oneHoldsRenewsAndReleasesThenTheOtherTakesIt() {
        SchedulerStore first = SchedulerStore.of(client);
        SchedulerStore second = SchedulerStore.of(redis.newClient(clock));
        Duration ttl = Duration.ofSeconds(15);

        assertThat(first.holdLock("default", "first", 1234, ttl)).isTrue();
        assertThat(second.holdLock("default", "second", 1234, ttl)).as("same PID, other name").isFalse();
        assertThat(first.holdLock("default", "first", 1234, ttl)).as("renewal").isTrue();
        assertThat(redis.raw().getBucket("rq:scheduler-lock:default", org.redisson.client.codec.StringCodec.INSTANCE)
                .get()).isEqualTo("1234");
        assertThat(redis.ttlSeconds("rq:scheduler-lock:default")).isBetween(14L, 15L);
        assertThat(first.lockHolder("default")).contains("first");

        assertThat(second.releaseLock("default", "second", 1234)).isFalse();
        assertThat(first.releaseLock("default", "first", 1234)).isTrue();

        assertThat(second.holdLock("default", "second", 99, ttl)).isTrue();
        assertThat(first.lockHolder("default")).contains("second");
    }

    @Test
    void holdLock_lockTakenByPythonRq_neitherTakenNorRenewed() {
        redis.raw().getBucket("rq:scheduler-lock:default", org.redisson.client.codec.StringCodec.INSTANCE)
                .set("4242", Duration.ofSeconds(61));

        assertThat(SchedulerStore.of(client).holdLock("default", "jrq", 4242, Duration.ofSeconds(15))).isFalse();
        assertThat(SchedulerStore.of(client).lockHolder("default")).contains("pid 4242");
        assertThat(redis.ttlSeconds("rq:scheduler-lock:default")).isGreaterThan(55);
    }
}
