package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/jobs/{id}}: every field, Python-pickled payloads shown as such, user data as plain strings. */
@ExtendWith(RedisServerExtension.class)
class JobDetailIT {
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
    void job_finishedWithDependents_everyFieldResultTimelineAndLinks(TestRedis redis) {
        JrqClient client = redis.newClient();
        JobRequest request = JobRequest.of("reports.build", 7, "eu").withKwargs(Map.of("fast", true))
                .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(30)).resultTtl(Duration.ofHours(1))
                        .meta(Map.of("owner", "ops")).retry(Retry.max(2).withIntervals(Duration.ofSeconds(5)))
                        .build());
        String id = Seed.finishedJob(client, "reports", request, Map.of("rows", 12));
        String child = client.queue("reports").enqueue(JobRequest.of("reports.mail")
                .withOptions(JobOptions.builder().dependsOn(Dependency.on(id)).build())).id();
        String waiting = client.queue("reports").enqueue(JobRequest.of("reports.pending")
                .withOptions(JobOptions.builder().dependsOn(Dependency.on(client.queue("reports")
                        .enqueue("reports.first").id())).build())).id();
        Api api = start(client);

        JsonNode job = api.get("/api/jobs/" + id).json();

        assertThat(job.get("id").asText()).isEqualTo(id);
        assertThat(job.get("name").asText()).isEqualTo("reports.build");
        assertThat(job.get("status").asText()).isEqualTo("finished");
        assertThat(job.get("origin").asText()).isEqualTo("reports");
        assertThat(job.get("description").asText()).isEqualTo("reports.build(7, 'eu', fast=True)");
        assertThat(job.get("args").toString()).isEqualTo("[7,\"eu\"]");
        assertThat(job.get("kwargs").toString()).isEqualTo("{\"fast\":true}");
        assertThat(job.get("payload").toString()).startsWith("{\"decoded\":true,\"format\":\"json\",\"bytes\":")
                .endsWith(",\"error\":null}");
        assertThat(job.get("result").toString()).isEqualTo("{\"rows\":12}");
        assertThat(job.get("meta").toString()).isEqualTo("{\"owner\":\"ops\"}");
        assertThat(job.get("timeout").asLong()).isEqualTo(30);
        assertThat(job.get("resultTtl").asLong()).isEqualTo(3600);
        assertThat(job.get("retriesLeft").asInt()).isEqualTo(2);
        assertThat(job.get("retryIntervals").toString()).isEqualTo("[5]");
        assertThat(job.get("worker").asText()).isEqualTo(Seed.WORKER);
        assertThat(job.get("excInfo").isNull()).isTrue();
        assertThat(job.get("dependents").toString()).isEqualTo("[]"); // released when the child was enqueued
        assertThat(job.get("attempts")).hasSize(1);
        assertThat(job.get("attempts").get(0).get("type").asText()).isEqualTo("successful");
        assertThat(job.get("attempts").get(0).get("result").toString()).isEqualTo("{\"rows\":12}");
        assertThat(job.get("timeline").findValuesAsText("event")).containsExactly("created", "enqueued", "started",
                "ended");
        job.get("timeline").forEach(event -> assertThat(event.get("at").asText()).endsWith("Z"));

        JsonNode pending = api.get("/api/jobs/" + waiting).json();
        assertThat(pending.get("status").asText()).isEqualTo("deferred");
        assertThat(pending.get("dependsOn").get(0).get("status").asText()).isEqualTo("queued");
        String parent = pending.get("dependsOn").get(0).get("id").asText();
        assertThat(api.get("/api/jobs/" + parent).json().get("dependents").toString())
                .isEqualTo("[{\"id\":\"" + waiting + "\",\"status\":\"deferred\"}]");
        assertThat(api.get("/api/jobs/" + child).json().get("dependsOn").toString())
                .isEqualTo("[{\"id\":\"" + id + "\",\"status\":\"finished\"}]");
    }

    @Test
    void job_failed_fullTracebackAndFailedAttempt(TestRedis redis) {
        JrqClient client = redis.newClient();
        String id = Seed.failedJobs(client, "reports", 1).get(0);
        Api api = start(client);

        JsonNode job = api.get("/api/jobs/" + id).json();

        assertThat(job.get("excInfo").asText()).isEqualTo(
                "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: boom 0");
        assertThat(job.get("attempts").get(0).get("type").asText()).isEqualTo("failed");
        assertThat(job.get("attempts").get(0).get("excString").asText()).endsWith("ValueError: boom 0");
        assertThat(job.get("result").isNull()).isTrue();
    }

    @Test
    void job_argsHoldAScriptTag_comeBackAsAPlainJsonString(TestRedis redis) {
        JrqClient client = redis.newClient();
        String id = client.queue("web").enqueue("pages.render", "<script>alert(1)</script>").id();
        Api api = start(client);

        Api.Response response = api.get("/api/jobs/" + id);

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("args").get(0).isTextual()).isTrue();
        assertThat(response.json().get("args").get(0).asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(response.json().get("description").asText()).isEqualTo("pages.render('<script>alert(1)</script>')");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void job_enqueuedByPythonWithPickle_shownAsUndecodablePickleWithItsSize(TestRedis redis)
            throws IOException, InterruptedException {
        String script = """
                import sys, redis, rq
                q = rq.Queue('py', connection=redis.Redis.from_url(sys.argv[1]))
                job = q.enqueue('builtins.print', 'hello', 42, job_id='pickled-1', description='print hello')
                print(len(q.connection.hget('rq:job:pickled-1', 'data')))
                """;
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", script, redis.url()).redirectErrorStream(true)
                .start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(python.exitValue()).as(output).isZero();
        Api api = start(redis.newClient());

        JsonNode job = api.get("/api/jobs/pickled-1").json();

        assertThat(job.get("payload").get("decoded").asBoolean()).isFalse();
        assertThat(job.get("payload").get("format").asText()).isEqualTo("pickle");
        assertThat(job.get("payload").get("bytes").asInt()).isEqualTo(Integer.parseInt(output));
        assertThat(job.get("payload").get("error").asText()).isNotBlank();
        assertThat(job.get("args").isNull()).isTrue();
        assertThat(job.get("description").asText()).isEqualTo("print hello");
        assertThat(job.get("status").asText()).isEqualTo("queued");
        assertThat(job.get("origin").asText()).isEqualTo("py");
        JsonNode row = api.get("/api/queues/py/queued").json().get("jobs").get(0);
        assertThat(row.get("id").asText()).isEqualTo("pickled-1");
        assertThat(row.get("description").asText()).isEqualTo("print hello");
    }

    @Test
    void job_absentOrBadId_404Or400(TestRedis redis) {
        Api api = start(redis.newClient());

        Api.Response absent = api.get("/api/jobs/no-such-job");
        Api.Response bad = api.get("/api/jobs/" + "a%20b");
        Api.Response tooLong = api.get("/api/jobs/" + "x".repeat(201));

        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.json().get("error").asText()).isEqualTo("no job no-such-job (never existed, deleted or expired)");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).startsWith("job id must be 1 to 200 characters");
        assertThat(tooLong.status()).isEqualTo(400);
    }
}
