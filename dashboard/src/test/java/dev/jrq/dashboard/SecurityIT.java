package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credentials on every route, the CSRF rules of actions, and the read-only mode. */
@ExtendWith(RedisServerExtension.class)
class SecurityIT {
    private static final List<String> READ_PATHS = List.of("/", "/static/app.js", "/webjars/uplot/1.6.30/dist/uPlot.min.css",
            "/api/overview", "/api/workers", "/api/throughput", "/api/health", "/api/queues/mail/queued",
            "/api/jobs/j1", "/api/events", "/metrics");

    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Api start(JrqClient client, DashboardOptions.Builder options) {
        server = DashboardServer.start(client, options.port(0).build());
        return new Api(server.url());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuth_noOrWrongCredentials_401OnEveryRouteWithABrowserPrompt(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        Api api = start(client, DashboardOptions.builder().username("ops").password("s3cret"));

        for (String path : READ_PATHS) {
            Api.Response none = api.get(path, "Accept", "text/event-stream");
            Api.Response wrong = api.get(path, "Authorization", basic("ops", "guess"), "Accept", "text/event-stream");
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).as(path).startsWith("Basic realm=\"JRQ\"");
            assertThat(none.json().get("error").asText()).isEqualTo("credentials required");
            assertThat(wrong.status()).as(path).isEqualTo(401);
            assertThat(wrong.json().get("error").asText()).isEqualTo("wrong credentials");
        }
        Api.Response post = api.post("/api/queues/mail/empty", "");
        assertThat(post.status()).isEqualTo(401);
        assertThat(client.queue("mail").count()).isEqualTo(1);
        Api.Response right = api.get("/api/overview", "Authorization", basic("ops", "s3cret"));
        assertThat(right.status()).isEqualTo(200);
        assertThat(api.get("/api/overview", "Authorization", basic("ops", "s3cret2")).status()).isEqualTo(401);
        assertThat(api.get("/api/overview", "Authorization", "Bearer s3cret").status()).isEqualTo(401);
    }

    @Test
    void token_bearerWorksAndNothingElseDoes(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        Api api = start(client, DashboardOptions.builder().token("t0ken"));
        Api authorized = api.withHeader("Authorization", "Bearer t0ken");

        assertThat(authorized.get("/api/overview").status()).isEqualTo(200);
        assertThat(authorized.get("/metrics").status()).isEqualTo(200);
        assertThat(authorized.post("/api/queues/mail/empty", "").json().get("emptied").asInt()).isEqualTo(1);
        Api.Response wrong = api.get("/api/overview", "Authorization", "Bearer t0ke");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"JRQ\"");
        assertThat(api.get("/api/overview").status()).isEqualTo(401);
    }

    @Test
    void basicAndToken_eitherWorks(TestRedis redis) {
        Api api = start(redis.newClient(), DashboardOptions.builder().username("ops").password("pw").token("tk"));

        assertThat(api.get("/api/overview", "Authorization", basic("ops", "pw")).status()).isEqualTo(200);
        assertThat(api.get("/api/overview", "Authorization", "Bearer tk").status()).isEqualTo(200);
        assertThat(api.get("/api/overview", "Authorization", "Bearer pw").status()).isEqualTo(401);
    }

    @Test
    void actions_withoutRequestedByHeader_403AndNothingChanged(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        Api api = start(client, DashboardOptions.builder());

        Api.Response response = api.postRaw("/api/queues/mail/empty", "", "Content-Type", "application/json");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("cross-site request refused: actions need the "
                + "header X-Requested-By (any value, e.g. jrq)");
        assertThat(client.queue("mail").count()).isEqualTo(1);
    }

    @Test
    void actions_crossSiteOriginOrFetchSite_403AndNothingChanged(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        Api api = start(client, DashboardOptions.builder());

        Api.Response origin = api.post("/api/queues/mail/empty", "", "Origin", "https://evil.example");
        Api.Response fetchSite = api.post("/api/queues/mail/empty", "", "Sec-Fetch-Site", "cross-site");
        Api.Response sameSite = api.post("/api/queues/mail/empty", "", "Sec-Fetch-Site", "same-site");
        Api.Response otherPort = api.post("/api/queues/mail/empty", "", "Origin", "http://127.0.0.1:1");

        assertThat(origin.status()).isEqualTo(403);
        assertThat(origin.json().get("error").asText()).isEqualTo("cross-site request refused: Origin "
                + "https://evil.example is not this dashboard");
        assertThat(fetchSite.status()).isEqualTo(403);
        assertThat(fetchSite.json().get("error").asText()).isEqualTo("cross-site request refused: Sec-Fetch-Site is "
                + "cross-site");
        assertThat(sameSite.status()).isEqualTo(403);
        assertThat(otherPort.status()).isEqualTo(403);
        assertThat(client.queue("mail").count()).isEqualTo(1);

        Api.Response sameOrigin = api.post("/api/queues/mail/empty", "", "Origin", server.url(),
                "Sec-Fetch-Site", "same-origin");
        assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
        assertThat(client.queue("mail").count()).isZero();
    }

    @Test
    void readOnly_everyAction403AndNothingChangedInRedis(TestRedis redis) {
        JrqClient client = redis.newClient();
        String failed = Seed.failedJobs(client, "mail", 1).get(0);
        String queued = client.queue("mail").enqueue("mail.send").id();
        Api api = start(client, DashboardOptions.builder().readOnly(true));
        var before = redis.raw().getKeys().getKeysStreamByPattern("rq:*").sorted().toList();

        for (String[] action : List.of(new String[] {"/api/queues/mail/jobs", "{\"name\":\"x\"}"},
                new String[] {"/api/queues/mail/empty", ""},
                new String[] {"/api/queues/mail/failed/requeue", "{\"all\":true}"},
                new String[] {"/api/queues/mail/failed/delete", "{\"all\":true}"},
                new String[] {"/api/queues/mail/jobs/" + failed + "/requeue", ""},
                new String[] {"/api/queues/mail/jobs/" + queued + "/cancel", ""},
                new String[] {"/api/workers/suspend", ""})) {
            Api.Response response = api.post(action[0], action[1]);
            assertThat(response.status()).as(action[0]).isEqualTo(403);
            assertThat(response.json().get("error").asText()).isEqualTo("read-only dashboard: actions are disabled");
        }

        assertThat(redis.raw().getKeys().getKeysStreamByPattern("rq:*").sorted().toList()).isEqualTo(before);
        assertThat(client.queue("mail").count()).isEqualTo(1);
        assertThat(client.queue("mail").registry(RegistryType.FAILED).count()).isEqualTo(1);
        assertThat(client.workerControl().isSuspended()).isFalse();
        assertThat(api.get("/api/overview").json().get("readOnly").asBoolean()).isTrue();
    }

    @Test
    void start_offLoopbackWithoutCredentials_refusedUnlessInsecure(TestRedis redis) {
        JrqClient client = redis.newClient();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DashboardServer.start(client,
                DashboardOptions.builder().bind("0.0.0.0").port(0).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("refusing to listen on 0.0.0.0 without credentials");
        server = DashboardServer.start(client, DashboardOptions.builder().bind("0.0.0.0").port(0).insecure(true)
                .build());
        assertThat(new Api(server.url()).get("/api/health").status()).isEqualTo(200);
    }
}
