package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.Retry;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** RQ's worker commands on rq:pubsub:<w>, meta saved while a job runs, and the cold shutdown. */
@ExtendWith(RedisServerExtension.class)
class WorkerCommandsIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Sleep(),
            new TestJobs.Progress(), new TestJobs.Blocking(), new TestJobs.NoteCallback()));

    @Test
    void stopJobCommand_endsTheJobStopped_asRqDoes(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.sleep", 60_000)
                .withOptions(JobOptions.builder().retry(Retry.max(3))
                        .callbacks(dev.jrq.api.Callbacks.onFailure("tests.note_callback")
                                .withOnStopped("tests.note_callback")).build()));
        Worker worker = start(client, "cmd");
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.STARTED);
            publish(redis, "cmd", "{\"command\": \"stop-job\", \"job_id\": \"" + job.id() + "\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.STOPPED);
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        assertThat(job.latestResult().orElseThrow().error()).isEqualTo("Job stopped by user, work-horse terminated.");
        assertThat(client.queue("default").registry(RegistryType.FAILED).contains(job.id())).isTrue();
        assertThat(redis.hash("rq:job:" + job.id())).as("never retried").containsEntry("retries_left", "3")
                .containsEntry("stopped_callback_name", "tests.note_callback");
        await().atMost(Duration.ofSeconds(5)).until(() -> job.fetch().meta().containsKey("callback"));
        assertThat(job.fetch().meta().get("callback")).as("the stopped callback ran, not the failure one")
                .isEqualTo(java.util.Arrays.asList(job.id(), null));
    }

    @Test
    void stopJobCommand_forAnotherJob_isIgnored(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.sleep", 1_500);
        Worker worker = start(client, "cmd");
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.STARTED);
            publish(redis, "cmd", "{\"command\": \"stop-job\", \"job_id\": \"someone-else\"}");
            assertThat(job.waitForResult(Duration.ofSeconds(5))).isEqualTo("slept");
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void killHorseCommand_failsTheRunningJob(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.sleep", 60_000);
        Worker worker = start(client, "cmd");
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.STARTED);
            publish(redis, "cmd", "{\"command\": \"kill-horse\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.FAILED);
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        assertThat(job.latestResult().orElseThrow().error()).contains("killed by a kill-horse command");
    }

    @Test
    void shutdownCommand_stopsTheWorkerWarmly(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.sleep", 1_000);
        Worker worker = start(client, "cmd");
        await().atMost(Duration.ofSeconds(5)).until(() -> job.status() == JobStatus.STARTED);
        publish(redis, "cmd", "{\"command\": \"shutdown\"}");
        Thread waiter = new Thread(() -> {
            try {
                worker.awaitSlots();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).as("the slots ended").isFalse();
        assertThat(job.status()).as("the running job finished first").isEqualTo(JobStatus.FINISHED);
        worker.stop(Duration.ZERO);
        assertThat(client.workers()).isEmpty();
    }

    @Test
    void saveMeta_isVisibleWhileTheJobRuns_andAfter(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.progress")
                .withOptions(JobOptions.builder().meta(Map.of("owner", "it")).build()));
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("meta", List.of("default"), 1, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
        assertThat(job.fetch().meta()).isEqualTo(Map.of("owner", "it", "progress", 0.5));
        assertThat(job.waitForResult(Duration.ofSeconds(1))).isEqualTo(Map.of("owner", "it", "progress", 0.5));
    }

    @Test
    void coldStop_putsTheRunningJobBackAtTheFront_withItsHistory(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        TestJobs.started = new CountDownLatch(1);
        TestJobs.release = new CountDownLatch(1);
        Job running = client.queue("default").enqueue("tests.blocking");
        Job waiting = client.queue("default").enqueue("tests.echo", 1);
        Worker worker = start(client, "cold");
        try {
            assertThat(TestJobs.started.await(10, TimeUnit.SECONDS)).isTrue();
            worker.coldStop();
        } finally {
            TestJobs.release.countDown();
        }
        assertThat(running.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(client.queue("default").jobIds(0, 10)).containsExactly(running.id(), waiting.id());
        assertThat(running.results()).singleElement().satisfies(result -> {
            assertThat(result.type()).isEqualTo(JobResult.Type.STOPPED);
            assertThat(result.error()).contains("shut down cold");
        });
        assertThat(client.queue("default").registry(RegistryType.STARTED).count()).isZero();
        assertThat(client.workers()).isEmpty();
    }

    private static Worker start(JrqClient client, String name) {
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions(name, List.of("default"), 1, false,
                Duration.ofSeconds(6)));
        worker.start();
        return worker;
    }

    private static void publish(TestRedis redis, String worker, String message) {
        await().atMost(Duration.ofSeconds(5)).until(() ->
                redis.raw().getTopic("rq:pubsub:" + worker, StringCodec.INSTANCE).publish(message) > 0);
    }
}
