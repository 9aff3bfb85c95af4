package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.WorkerCommand;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every action of the JSON API: what it changes in Redis, and its refusals (404, 409, 400, 405). */
@ExtendWith(RedisServerExtension.class)
class ActionsIT {
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Api start(JrqClient client) {
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());
        return new Api(server.url());
    }

    @Test
    void enqueue_nameArgsAndOptions_201AndTheJobAsAsked(TestRedis redis) {
        JrqClient client = redis.newClient();
        Api api = start(client);

        Api.Response response = api.post("/api/queues/mail/jobs", """
                {"name": "test_job.i_am_a_job", "args": [7, "<b>x</b>"], "kwargs": {"lang": "en"},
                 "options": {"timeout": 30, "description": "hello", "jobId": "mail-1", "resultTtl": 60,
                             "failureTtl": 600, "retryMax": 2, "retryIntervals": [5, 10]}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("id").asText()).isEqualTo("mail-1");
        var job = client.fetchJob("mail-1");
        assertThat(job.jobName()).isEqualTo("test_job.i_am_a_job");
        assertThat(job.payload().args()).containsExactly(7, "<b>x</b>");
        assertThat(job.payload().kwargs()).containsEntry("lang", "en");
        assertThat(job.description()).isEqualTo("hello");
        assertThat(job.timeout()).hasSeconds(30);
        assertThat(job.fields()).containsEntry("retries_left", "2").containsEntry("retry_intervals", "[5, 10]");
        assertThat(client.queue("mail").jobIds(0, 10)).containsExactly("mail-1");
    }

    @Test
    void enqueue_badBodies_400SayingWhatWasWrong(TestRedis redis) {
        Api api = start(redis.newClient());

        assertThat(api.post("/api/queues/mail/jobs", "{\"name\": ").json().get("error").asText())
                .startsWith("the body is not valid JSON: ");
        assertThat(api.post("/api/queues/mail/jobs", "{\"args\": []}").json().get("error").asText())
                .startsWith("name must be the job's name as a string");
        assertThat(api.post("/api/queues/mail/jobs", "{\"name\": \"x\", \"args\": {}}").json().get("error").asText())
                .isEqualTo("args must be a JSON array");
        assertThat(api.post("/api/queues/mail/jobs", "{\"name\": \"x\", \"options\": {\"timout\": 3}}").json()
                .get("error").asText()).startsWith("options has an unknown field 'timout'; allowed: atFront, ");
        assertThat(api.post("/api/queues/mail/jobs", "{\"name\": \"x\", \"options\": {\"timeout\": 1.5}}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/queues/mail/jobs", "{\"name\": \"x\", \"options\": {\"dependsOn\": [\"nope\"]}}")
                .json().get("error").asText()).startsWith("dependsOn names a job that does not exist");
        assertThat(api.post("/api/queues/bad%20name/jobs", "{\"name\": \"x\"}").status()).isEqualTo(400);
        assertThat(redis.raw().getKeys().getKeysStreamByPattern("rq:*").count()).as("nothing stored").isZero();
    }

    @Test
    void empty_queue_removesTheWaitingJobsAndSaysHowMany(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send", 1);
        client.queue("mail").enqueue("mail.send", 2);
        Api api = start(client);

        Api.Response response = api.post("/api/queues/mail/empty", "");

        assertThat(response.json().toString()).isEqualTo("{\"emptied\":2}");
        assertThat(client.queue("mail").count()).isZero();
        assertThat(api.post("/api/queues/nope/empty", "").status()).isEqualTo(404);
    }

    @Test
    void requeue_selectedAndAll_failedJobsBackOnTheQueueWithErrorsPerJob(TestRedis redis) {
        JrqClient client = redis.newClient();
        List<String> failed = Seed.failedJobs(client, "reports", 5);
        Api api = start(client);

        JsonNode some = api.post("/api/queues/reports/failed/requeue", "{\"ids\": [\"" + failed.get(0) + "\", \""
                + failed.get(1) + "\", \"nope\"]}").json();
        JsonNode rest = api.post("/api/queues/reports/failed/requeue", "{\"all\": true}").json();

        assertThat(some.get("requeued").asInt()).isEqualTo(2);
        assertThat(some.get("errors").toString()).isEqualTo("[{\"id\":\"nope\",\"error\":\"no such job (deleted or "
                + "expired)\"}]");
        assertThat(rest.get("requeued").asInt()).isEqualTo(3);
        assertThat(rest.get("errors")).isEmpty();
        assertThat(client.queue("reports").registry(RegistryType.FAILED).count()).isZero();
        assertThat(client.queue("reports").count()).isEqualTo(5);
        assertThat(client.fetchJob(failed.get(4)).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(api.post("/api/queues/reports/finished/requeue", "{\"all\": true}").json().get("error").asText())
                .isEqualTo("requeue works on the failed registry (as RQ's requeue); was finished");
        assertThat(api.post("/api/queues/reports/failed/requeue", "{}").status()).isEqualTo(400);
    }

    @Test
    void requeueAll_moreThanOneBatch_everyJobRequeued(TestRedis redis) {
        JrqClient client = redis.newClient();
        Seed.failedJobs(client, "reports", BulkActions.BATCH + 20);
        Api api = start(client);

        JsonNode result = api.post("/api/queues/reports/failed/requeue", "{\"all\": true}").json();

        assertThat(result.get("requeued").asInt()).isEqualTo(BulkActions.BATCH + 20);
        assertThat(client.queue("reports").count()).isEqualTo(BulkActions.BATCH + 20);
    }

    @Test
    void delete_selectedAndAll_jobsAndTheirIdsGone(TestRedis redis) {
        JrqClient client = redis.newClient();
        List<String> failed = Seed.failedJobs(client, "reports", 4);
        String elsewhere = Seed.failedJobs(client, "other", 1).get(0);
        client.queue("reports").enqueue("reports.build");
        Api api = start(client);

        JsonNode one = api.post("/api/queues/reports/failed/delete", "{\"ids\": [\"" + failed.get(0) + "\", \""
                + elsewhere + "\"]}").json();
        JsonNode all = api.post("/api/queues/reports/failed/delete", "{\"all\": true}").json();
        JsonNode queued = api.post("/api/queues/reports/queued/delete", "{\"all\": true}").json();

        assertThat(one.get("deleted").asInt()).isEqualTo(1);
        assertThat(one.get("errors").get(0).get("error").asText()).isEqualTo("job belongs to queue other, not reports");
        assertThat(all.get("deleted").asInt()).isEqualTo(3);
        assertThat(queued.get("deleted").asInt()).isEqualTo(1);
        assertThat(client.findJob(failed.get(3))).isEmpty();
        assertThat(client.findJob(elsewhere)).isPresent();
        assertThat(client.queue("reports").registry(RegistryType.FAILED).count()).isZero();
        assertThat(client.queue("reports").count()).isZero();
    }

    @Test
    void jobActions_requeueDeleteCancel_doneOrRefusedWithTheReason(TestRedis redis) {
        JrqClient client = redis.newClient();
        String failed = Seed.failedJobs(client, "reports", 1).get(0);
        String queued = client.queue("reports").enqueue("reports.build").id();
        String other = client.queue("other").enqueue("other.job").id();
        Api api = start(client);

        Api.Response requeueQueued = api.post("/api/queues/reports/jobs/" + queued + "/requeue", "");
        Api.Response requeue = api.post("/api/queues/reports/jobs/" + failed + "/requeue", "");
        Api.Response cancel = api.post("/api/queues/reports/jobs/" + queued + "/cancel", "");
        Api.Response cancelAgain = api.post("/api/queues/reports/jobs/" + queued + "/cancel", "");
        Api.Response wrongQueue = api.post("/api/queues/reports/jobs/" + other + "/delete", "");
        Api.Response delete = api.post("/api/queues/other/jobs/" + other + "/delete", "");
        Api.Response gone = api.post("/api/queues/other/jobs/" + other + "/delete", "");
        Api.Response unknown = api.post("/api/queues/reports/jobs/" + failed + "/explode", "");

        assertThat(requeueQueued.status()).isEqualTo(409);
        assertThat(requeueQueued.json().get("error").asText()).contains("is queued and not in the failed registry");
        assertThat(requeue.json().toString()).isEqualTo("{\"ok\":true,\"message\":\"requeued job " + failed
                + " to the end of queue reports\"}");
        assertThat(client.fetchJob(failed).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(cancel.json().get("ok").asBoolean()).isTrue();
        assertThat(client.fetchJob(queued).status()).isEqualTo(JobStatus.CANCELED);
        assertThat(cancelAgain.status()).isEqualTo(409);
        assertThat(cancelAgain.json().get("error").asText()).isEqualTo("job " + queued + " is canceled; only a "
                + "queued, deferred or scheduled job can be canceled (stop a started one)");
        assertThat(wrongQueue.status()).isEqualTo(409);
        assertThat(wrongQueue.json().get("error").asText()).isEqualTo("job " + other
                + " belongs to queue other, not reports");
        assertThat(delete.json().get("message").asText()).isEqualTo("deleted job " + other);
        assertThat(client.findJob(other)).isEmpty();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void stop_startedJob_sendsRqStopCommandToItsWorker(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        ClaimedJob running = Seed.takeNew(client, "reports", JobRequest.of("reports.slow"));
        String queued = client.queue("reports").enqueue("reports.build").id();
        List<WorkerCommand> received = new CopyOnWriteArrayList<>();
        Api api = start(client);
        Api.Response nobodyListening = api.post("/api/queues/reports/jobs/" + running.jobId() + "/stop", "");

        try (AutoCloseable listening = client.workerStore().onCommands(List.of(Seed.WORKER), received::add)) {
            Api.Response stop = api.post("/api/queues/reports/jobs/" + running.jobId() + "/stop", "");
            Api.Response notStarted = api.post("/api/queues/reports/jobs/" + queued + "/stop", "");

            assertThat(stop.json().get("message").asText()).isEqualTo("asked worker " + Seed.WORKER + " to stop job "
                    + running.jobId());
            assertThat(notStarted.status()).isEqualTo(409);
            assertThat(notStarted.json().get("error").asText()).isEqualTo("job " + queued
                    + " is queued; only a started job can be stopped");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        }
        assertThat(received.get(0).command()).isEqualTo(WorkerCommand.STOP_JOB);
        assertThat(received.get(0).jobId()).isEqualTo(running.jobId());
        assertThat(nobodyListening.status()).isEqualTo(409);
        assertThat(nobodyListening.json().get("error").asText()).isEqualTo("worker " + Seed.WORKER
                + " is not listening for commands (has it stopped?)");
    }

    @Test
    void workers_suspendResumeAndShutdown(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        client.workerStore().register("w1", List.of("mail"), Map.of("hostname", "box", "pid", "7"));
        List<WorkerCommand> received = new CopyOnWriteArrayList<>();
        Api api = start(client);

        assertThat(api.post("/api/workers/suspend", "").json().get("message").asText())
                .isEqualTo("workers suspended until resumed");
        assertThat(client.workerControl().isSuspended()).isTrue();
        assertThat(api.post("/api/workers/resume", "").json().get("ok").asBoolean()).isTrue();
        assertThat(client.workerControl().isSuspended()).isFalse();
        assertThat(api.post("/api/workers/suspend", "{\"durationSeconds\": 60}").json().get("message").asText())
                .isEqualTo("workers suspended for 60 s");
        assertThat(redis.ttlSeconds("rq:suspended")).isBetween(55L, 60L);
        assertThat(api.post("/api/workers/suspend", "{\"durationSeconds\": -3}").status()).isEqualTo(400);
        assertThat(api.post("/api/workers/nobody/shutdown", "").status()).isEqualTo(404);
        assertThat(api.post("/api/workers/w1/shutdown", "").status()).isEqualTo(409);
        try (AutoCloseable listening = client.workerStore().onCommands(List.of("w1"), received::add)) {
            assertThat(api.post("/api/workers/w1/shutdown", "").json().get("message").asText())
                    .isEqualTo("asked worker w1 to finish its jobs and shut down");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        }
        assertThat(received.get(0).command()).isEqualTo(WorkerCommand.SHUTDOWN);
    }

    @Test
    void actions_getInsteadOfPost_405(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue(JobRequest.of("mail.send").withOptions(JobOptions.builder().jobId("j1").build()));
        Api api = start(client);

        for (String path : List.of("/api/queues/mail/jobs", "/api/queues/mail/empty", "/api/queues/mail/failed/requeue",
                "/api/queues/mail/failed/delete", "/api/queues/mail/jobs/j1/delete", "/api/workers/suspend",
                "/api/workers/resume", "/api/workers/w1/shutdown")) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(405);
            assertThat(response.json().get("error").asText()).isEqualTo("this is an action: use POST");
        }
        assertThat(client.queue("mail").count()).isEqualTo(1);
    }
}
