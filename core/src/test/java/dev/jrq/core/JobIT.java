package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobFailedException;
import dev.jrq.api.JobStatus;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.api.ResultTimeoutException;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class JobIT {
    private TestRedis redis;
    private JrqClient client;
    private JobQueue queue;
    private TestWorker worker;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.queue = client.queue("default");
        this.worker = new TestWorker(client, "default");
    }

    @Test
    void status_throughTheLifeCycle_followsTheJob() {
        Job job = queue.enqueue("rqjobs.add", 2, 3);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

        ClaimedJob claimed = worker.take();
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);

        worker.store().finishSuccess(TestWorker.NAME, claimed, 5);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void status_unknownJob_noSuchJob() {
        assertThatThrownBy(() -> client.job("no-such-job").status()).isInstanceOf(NoSuchJobException.class);
        assertThatThrownBy(() -> client.job("no-such-job").fetch()).isInstanceOf(NoSuchJobException.class);
    }

    @Test
    void fetch_startedJob_showsWorkerAndStartTime() {
        Job job = queue.enqueue("rqjobs.add", 2, 3);
        worker.take();

        JobRecord record = job.fetch();
        assertThat(record.status()).isEqualTo(JobStatus.STARTED);
        assertThat(record.workerName()).isEqualTo(TestWorker.NAME);
        assertThat(record.startedAt()).isNotNull();
        assertThat(record.id()).isEqualTo(job.id());
    }

    @Test
    void latestResult_beforeAndAfterARun_emptyThenTheResult() {
        Job job = queue.enqueue("rqjobs.add", 2, 3);
        assertThat(job.latestResult()).isEmpty();

        worker.succeed(5);

        JobResult result = job.latestResult().orElseThrow();
        assertThat(result.isSuccessful()).isTrue();
        assertThat(result.returnValue()).isEqualTo(5);
    }

    @Test
    void results_failedThenRequeuedAndSucceeded_newestFirst() {
        Job job = queue.enqueue("rqjobs.flaky");
        worker.fail("first try failed");
        job.requeue();
        worker.succeed(List.of("ok"));

        assertThat(job.results()).extracting(JobResult::type)
                .containsExactly(JobResult.Type.SUCCESSFUL, JobResult.Type.FAILED);
        assertThat(job.results().get(1).error()).isEqualTo("first try failed");
        assertThat(job.waitForResult(Duration.ofMillis(300))).isEqualTo(List.of("ok"));
    }

    @Test
    void waitForResult_finishedOnAnotherThreadWhileWaiting_returnsTheValue() {
        Job job = queue.enqueue("rqjobs.add", 2, 3);
        ClaimedJob claimed = worker.take();
        int blockedBefore = redis.blockedClients();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(
                () -> job.waitForResult(Duration.ofSeconds(10), Integer.class));
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.blockedClients() > blockedBefore);

        worker.store().finishSuccess(TestWorker.NAME, claimed, 5);

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThat(waiting.join()).isEqualTo(5);
    }

    @Test
    void waitForResult_failedJob_throwsWithTheError() {
        Job job = queue.enqueue("rqjobs.fail");
        worker.fail("ValueError: parent fails");

        assertThatThrownBy(() -> job.waitForResult(Duration.ofMillis(300)))
                .isInstanceOfSatisfying(JobFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(JobStatus.FAILED);
                    assertThat(e.jobId()).isEqualTo(job.id());
                })
                .hasMessageContaining("ValueError: parent fails");
    }

    @Test
    void waitForResult_canceledJob_throwsJobFailed() {
        Job job = queue.enqueue("rqjobs.noop");
        job.cancel();

        assertThatThrownBy(() -> job.waitForResult(Duration.ofMillis(300)))
                .isInstanceOf(JobFailedException.class).hasMessageContaining("canceled");
    }

    @Test
    void waitForResult_nothingHappens_timesOutAfterTheWait() {
        Job job = queue.enqueue("rqjobs.noop");
        long start = System.nanoTime();

        assertThatThrownBy(() -> job.waitForResult(Duration.ofMillis(300)))
                .isInstanceOf(ResultTimeoutException.class).hasMessageContaining("still queued");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(2));
    }

    @Test
    void waitForResult_valueOfAnotherType_convertedOrRefused() {
        Job job = queue.enqueue("rqjobs.echo");
        worker.succeed(Map.of("n", 1));

        assertThat(job.waitForResult(Duration.ofMillis(300), Map.class)).isEqualTo(Map.of("n", 1));
        assertThatThrownBy(() -> job.waitForResult(Duration.ofMillis(300), Integer.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result of job " + job.id());
    }

    @Test
    void cancelRequeueDelete_throughTheJobHandle_actOnItsQueue() {
        Job job = client.queue("low").enqueue("rqjobs.noop");
        job.cancel();
        assertThat(client.queue("low").registry(RegistryType.CANCELED).contains(job.id())).isTrue();

        assertThat(job.delete()).isTrue();

        assertThat(client.findJob(job.id())).isEmpty();
        assertThat(client.queue("low").registry(RegistryType.CANCELED).contains(job.id())).isFalse();
        assertThatThrownBy(job::delete).isInstanceOf(NoSuchJobException.class);
    }

    @Test
    void equals_sameId_equalHandles() {
        Job job = queue.enqueue("rqjobs.noop");
        assertThat(client.job(job.id())).isEqualTo(job).hasSameHashCodeAs(job).hasToString("Job[" + job.id() + "]");
    }
}
