package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** --max-jobs, --max-idle-time, --dequeue-strategy and RQ's registry maintenance. */
@ExtendWith(RedisServerExtension.class)
class WorkerLimitsIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.NoteQueue()));

    @Test
    void maxJobs_stopsAfterThatManyJobs_acrossSlots(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        for (int i = 0; i < 10; i++) {
            client.queue("default").enqueue("tests.echo", i);
        }
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("max", List.of("default"), 3, false, null,
                DequeueStrategy.DEFAULT, 4, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
        assertThat(client.queue("default").registry(RegistryType.FINISHED).count()).isEqualTo(4);
        assertThat(client.queue("default").count()).isEqualTo(6);
    }

    @Test
    void maxIdleTime_stopsAnIdleWorker(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("idle", List.of("default"), 2, false, null,
                DequeueStrategy.DEFAULT, 0, Duration.ofSeconds(1)));
        long start = System.nanoTime();
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void roundRobin_alternatesBetweenQueues(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        for (int i = 0; i < 3; i++) {
            client.queue("a").enqueue("tests.note_queue");
        }
        client.queue("b").enqueue("tests.note_queue");
        client.queue("b").enqueue("tests.note_queue");
        TestJobs.NoteQueue.RUN_ORDER.clear();
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("rr", List.of("a", "b"), 1, true, null,
                DequeueStrategy.ROUND_ROBIN, 0, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
        // why: the order the handler ran in; jobs taken in one call share their started_at
        assertThat(TestJobs.NoteQueue.RUN_ORDER).containsExactly("a", "b", "a", "b", "a");
    }

    @Test
    void maintenance_dropsExpiredRegistryEntries_onceUnderRqsLock(TestRedis redis) {
        JrqClient client = redis.newClient();
        redis.raw().getScoredSortedSet("rq:finished:default", StringCodec.INSTANCE).add(1, "long-gone");
        redis.raw().getScoredSortedSet("rq:failed:default", StringCodec.INSTANCE).add(2, "also-gone");
        redis.raw().getScoredSortedSet("rq:failed:default", StringCodec.INSTANCE)
                .add(4_102_444_800d, "kept"); // 2100-01-01

        assertThat(client.workerStore().cleanRegistries("default")).isEqualTo(2);
        assertThat(redis.ttlSeconds("rq:clean_registries:default")).isBetween(890L, 899L);
        redis.raw().getScoredSortedSet("rq:finished:default", StringCodec.INSTANCE).add(1, "later");
        assertThat(client.workerStore().cleanRegistries("default")).as("the lock is held").isZero();
        assertThat(client.queue("default").registry(RegistryType.FAILED).jobIds(0, 10)).containsExactly("kept");
    }
}
