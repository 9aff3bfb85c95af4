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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Timeouts, retries and the reaper: what a user sees of a job that does not simply succeed. */
@ExtendWith(RedisServerExtension.class)
class WorkerFailuresIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Sleep(),
            new TestJobs.Stubborn(), new TestJobs.Flaky()));

    @Test
    void timeout_interruptsTheHandler_andFailsTheJobAsRqDoes(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job slow = client.queue("default").enqueue(JobRequest.of("tests.sleep", 60_000)
                .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(1)).build()));
        Job next = client.queue("default").enqueue("tests.echo", 1);
        runBurst(client, Duration.ofSeconds(6));
        assertThat(slow.status()).isEqualTo(JobStatus.FAILED);
        assertThat(slow.latestResult().orElseThrow().error())
                .startsWith("dev.jrq.JobTimeoutException: Task exceeded maximum timeout value (1 seconds)");
        assertThat(next.status()).as("the slot goes on").isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void handlerIgnoringItsTimeout_isAbandoned_andItsSlotGoesOnWithAFreshThread(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        TestJobs.Stubborn.returned = new java.util.concurrent.CountDownLatch(1);
        Job stuck = client.queue("default").enqueue(JobRequest.of("tests.stubborn", 4_000)
                .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(1)).build()));
        Worker worker = new Worker(client, HANDLERS,
                new WorkerOptions("abandon", List.of("default"), 1, false, Duration.ofSeconds(6)));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> stuck.status() == JobStatus.FAILED);
            assertThat(stuck.latestResult().orElseThrow().error()).contains("exceeded maximum timeout value (1 seconds)")
                    .contains("the handler ignored the interrupt and was abandoned");
            Job after = client.queue("default").enqueue("tests.echo", 2);
            assertThat(after.waitForResult(Duration.ofSeconds(3))).isNotNull();
            assertThat(TestJobs.Stubborn.returned.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
            assertThat(stuck.status()).as("the late return of the abandoned handler is not recorded")
                    .isEqualTo(JobStatus.FAILED);
            assertThat(stuck.results()).hasSize(1);
        } finally {
            worker.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void retry_failedAttemptsAreRequeued_untilOneSucceeds_eachInTheResultStream(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.flaky", 2)
                .withOptions(JobOptions.builder().retry(Retry.max(3)).build()));
        runBurst(client, Duration.ofSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.waitForResult(Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(job.results()).extracting(JobResult::type).containsExactly(JobResult.Type.SUCCESSFUL,
                JobResult.Type.FAILED, JobResult.Type.FAILED);
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("retries_left", "1");
    }

    @Test
    void retry_exhausted_failsTheJob(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.flaky", 5)
                .withOptions(JobOptions.builder().retry(Retry.max(2)).build()));
        runBurst(client, Duration.ofSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.results()).hasSize(3).allMatch(result -> result.type() == JobResult.Type.FAILED);
        assertThat(client.queue("default").registry(RegistryType.FAILED).contains(job.id())).isTrue();
    }

    @Test
    void retry_withInterval_waitsInTheScheduledRegistry(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.flaky", 1)
                .withOptions(JobOptions.builder().retry(Retry.max(2).withIntervals(Duration.ofSeconds(30))).build()));
        runBurst(client, Duration.ofSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
        Double due = client.queue("default").registry(RegistryType.SCHEDULED).score(job.id());
        assertThat(due).isBetween(System.currentTimeMillis() / 1000.0 + 25, System.currentTimeMillis() / 1000.0 + 31);
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("retries_left", "1")
                .containsEntry("retry_intervals", "[30]");
    }

    @Test
    void reaper_failsAJobWhoseWorkerDied_onceAsAbandoned(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job orphan = client.queue("default").enqueue("tests.echo", "orphan");
        client.workerStore(Duration.ofSeconds(1)).take("dead-worker", List.of("default"), Duration.ZERO);
        assertThat(orphan.status()).isEqualTo(JobStatus.STARTED);
        Worker worker = new Worker(client, HANDLERS,
                new WorkerOptions("reaper", List.of("default"), 1, false, Duration.ofSeconds(2)));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(6)).until(() -> orphan.status() == JobStatus.FAILED);
        } finally {
            worker.stop(Duration.ofSeconds(2));
        }
        assertThat(orphan.results()).singleElement().satisfies(result ->
                assertThat(result.error()).startsWith("dev.jrq.AbandonedJobError: the job's lease ran out"));
        assertThat(client.queue("default").registry(RegistryType.STARTED).count()).isZero();
        assertThat(client.queue("default").registry(RegistryType.FAILED).contains(orphan.id())).isTrue();
    }

    @Test
    void reaper_retriesAnAbandonedJobThatHasRetriesLeft(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job orphan = client.queue("default").enqueue(JobRequest.of("tests.echo", "again")
                .withOptions(JobOptions.builder().retry(Retry.max(1)).build()));
        client.workerStore(Duration.ofSeconds(1)).take("dead-worker", List.of("default"), Duration.ZERO);
        Worker worker = new Worker(client, HANDLERS,
                new WorkerOptions("reaper", List.of("default"), 1, false, Duration.ofSeconds(2)));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(8)).until(() -> orphan.status() == JobStatus.FINISHED);
        } finally {
            worker.stop(Duration.ofSeconds(2));
        }
        assertThat(orphan.results()).extracting(JobResult::type)
                .containsExactly(JobResult.Type.SUCCESSFUL, JobResult.Type.FAILED);
    }

    private static void runBurst(JrqClient client, Duration lease) throws InterruptedException {
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("burst", List.of("default"), 1, true, lease));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));
    }
}
