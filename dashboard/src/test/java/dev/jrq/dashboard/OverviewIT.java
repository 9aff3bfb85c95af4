package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/overview} and {@code /api/health} against a real Redis, and the headers every response has. */
@ExtendWith(RedisServerExtension.class)
class OverviewIT {
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
    void overview_afterEnqueuesAndFailures_countsEveryRegistryOfEveryQueue(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send", 1);
        client.queue("mail").enqueue("mail.send", 2);
        client.queue("reports").enqueue("reports.build");
        Seed.failedJobs(client, "reports", 3);
        client.queue("reports").enqueueIn(Duration.ofHours(1), "reports.later");
        redis.raw().getMap("jrq:stats", org.redisson.client.codec.StringCodec.INSTANCE)
                .putAll(java.util.Map.of("finished", "41", "failed", "3"));
        Api api = start(client);

        Api.Response response = api.get("/api/overview");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("queues")).hasSize(2);
        JsonNode mail = body.get("queues").get(0);
        assertThat(mail.get("name").asText()).isEqualTo("mail");
        assertThat(mail.get("counts").toString()).isEqualTo(
                "{\"queued\":2,\"started\":0,\"deferred\":0,\"scheduled\":0,\"finished\":0,\"failed\":0,\"canceled\":0}");
        JsonNode reports = body.get("queues").get(1).get("counts");
        assertThat(reports.get("queued").asLong()).isEqualTo(1);
        assertThat(reports.get("failed").asLong()).isEqualTo(3);
        assertThat(reports.get("scheduled").asLong()).isEqualTo(1);
        assertThat(body.get("workers").get("total").asInt()).isZero();
        assertThat(body.get("suspended").asBoolean()).isFalse();
        assertThat(body.get("readOnly").asBoolean()).isFalse();
        assertThat(body.get("throughput").toString()).isEqualTo("{\"finished\":41,\"failed\":3}");
        assertThat(body.get("serverTime").asText()).endsWith("Z");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void overview_suspendedWorkersAndReadOnly_saysSo(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.workerControl().suspend();
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).readOnly(true).build());

        JsonNode body = new Api(server.url()).get("/api/overview").json();

        assertThat(body.get("suspended").asBoolean()).isTrue();
        assertThat(body.get("readOnly").asBoolean()).isTrue();
        assertThat(body.get("queues")).isEmpty();
    }

    @Test
    void health_redisAnswers_okWithTheAddressWithoutPassword(TestRedis redis) {
        Api api = start(redis.newClient());

        JsonNode body = api.get("/api/health").json();

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(body.get("redis").asText()).startsWith("redis://127.0.0.1:").doesNotContain("@");
    }

    @Test
    void index_noFrontEndFile_404AsJsonWithTheStrictCsp(TestRedis redis) {
        Api api = start(redis.newClient());

        Api.Response response = api.get("/static/no-such-file.js");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("no such file: no-such-file.js");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void webjars_uplot_servedFromTheJar(TestRedis redis) {
        Api api = start(redis.newClient());

        Api.Response response = api.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/javascript");
        assertThat(response.body()).contains("uPlot");
        assertThat(api.get("/webjars/uplot/../../secret").status()).isIn(400, 404);
    }

    @Test
    void start_portInUse_saysWhichAddress(TestRedis redis) {
        JrqClient client = redis.newClient();
        start(client);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DashboardServer.start(client,
                DashboardOptions.builder().port(server.port()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port() + ": ");
    }

    @Test
    void unknownRouteOrMethod_jsonErrors(TestRedis redis) {
        Api api = start(redis.newClient());

        Api.Response unknown = api.get("/api/nope");
        Api.Response wrongMethod = api.postRaw("/api/overview", "", "X-Requested-By", "jrq");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("no such route: GET /api/nope");
        assertThat(unknown.header("Cache-Control")).isEqualTo("no-store");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("error").asText()).isEqualTo("method not allowed: POST /api/overview");
    }

    @Test
    void frontEnd_indexAndStaticFiles_servedFromTheJarWithTheirTypes(TestRedis redis) {
        Api api = start(redis.newClient());

        Api.Response index = api.get("/");
        Api.Response script = api.get("/static/app.js");
        Api.Response style = api.get("/static/app.css");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        assertThat(index.header("Content-Security-Policy")).startsWith("default-src 'self';");
        assertThat(index.header("Cache-Control")).isEqualTo("no-store");
        assertThat(index.body()).contains("static/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(style.header("Content-Type")).startsWith("text/css");
    }
}
