package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.Callbacks;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.Retry;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RQ's on_success / on_failure callbacks, by handler name, run by the JRQ worker. */
@ExtendWith(RedisServerExtension.class)
class WorkerCallbacksIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Boom(),
            new TestJobs.SlowCallback(), new TestJobs.NoteCallback()));

    @Test
    void onSuccess_runsWithTheJobIdAndResult_storedInRqsFields(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.echo", 1).withOptions(JobOptions.builder()
                .callbacks(Callbacks.onSuccess("tests.note_callback").withOnFailure("tests.boom")).build()));
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("success_callback_name", "tests.note_callback")
                .containsEntry("failure_callback_name", "tests.boom").containsEntry("success_callback_timeout", "60");
        runBurst(client);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.fetch().meta().get("callback")).asList().first().isEqualTo(job.id());
        assertThat(job.fetch().meta().get("callback")).asList().element(1)
                .isEqualTo(java.util.Map.of("args", List.of(1), "kwargs", java.util.Map.of(), "queue", "default"));
    }

    @Test
    void onFailure_runsForEachFailedAttempt_withTheError(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.boom", "x").withOptions(JobOptions.builder()
                .retry(Retry.max(1)).callbacks(Callbacks.onFailure("tests.note_callback")).build()));
        runBurst(client);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.fetch().meta().get("callback")).asList().element(1).asString()
                .startsWith("java.lang.IllegalStateException: boom: x");
    }

    @Test
    void failingCallback_isRecordedOnTheJob_andChangesNothingElse(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.echo", 1).withOptions(JobOptions.builder()
                .callbacks(Callbacks.onSuccess("tests.boom")).build()));
        Job unknown = client.queue("default").enqueue(JobRequest.of("tests.echo", 2).withOptions(JobOptions.builder()
                .callbacks(Callbacks.onSuccess("no.such.callback")).build()));
        runBurst(client);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(redis.hash("rq:job:" + job.id()).get("jrq_callback_error"))
                .startsWith("success callback tests.boom failed: java.lang.IllegalStateException");
        assertThat(redis.hash("rq:job:" + unknown.id()).get("jrq_callback_error"))
                .contains("no handler registered for 'no.such.callback'");
    }

    @Test
    void callbackOverItsTimeout_isInterrupted(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("tests.echo", 1).withOptions(JobOptions.builder()
                .callbacks(Callbacks.onSuccess("tests.slow_callback").withTimeout(Duration.ofSeconds(1))).build()));
        runBurst(client);
        assertThat(redis.hash("rq:job:" + job.id()).get("jrq_callback_error"))
                .isEqualTo("success callback tests.slow_callback failed: interrupted after its timeout");
    }

    private static void runBurst(JrqClient client) throws InterruptedException {
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("cb", List.of("default"), 1, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
    }
}
