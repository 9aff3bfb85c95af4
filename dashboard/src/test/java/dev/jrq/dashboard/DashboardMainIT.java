package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The jar's command line, run in-process as the jar runs it: refusals, exit codes, start and stop. */
@ExtendWith(RedisServerExtension.class)
class DashboardMainIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(DashboardMain command, String... args) {
        return DashboardMain.run(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static DashboardMain command(Map<String, String> environment) {
        return new DashboardMain(environment, false);
    }

    @Test
    void bindAnyWithoutCredentials_exitsTwoSayingWhatToPass(TestRedis redis) {
        int code = run(command(Map.of()), "--url", redis.url(), "--bind", "0.0.0.0", "--port", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("jrq-dashboard: refusing to listen on 0.0.0.0 without "
                + "credentials: pass --username and --password (or JRQ_DASHBOARD_USERNAME/JRQ_DASHBOARD_PASSWORD), "
                + "or --token (JRQ_DASHBOARD_TOKEN), or --insecure to serve it to anyone who can reach it");
        assertThat(err.toString().lines().count()).isEqualTo(1);
    }

    @Test
    void bindAnyWithInsecure_servesUntilStopped(TestRedis redis) throws Exception {
        DashboardMain command = command(Map.of());
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(command, "--url", redis.url(),
                "--bind", "0.0.0.0", "--port", "0", "--insecure"));
        await().atMost(Duration.ofSeconds(30)).until(() -> command.server() != null || exit.isDone());

        assertThat(new Api(command.server().url()).get("/api/overview").status()).isEqualTo(200);
        command.stop();
        assertThat(exit.get(20, TimeUnit.SECONDS)).as(err.toString()).isZero();
    }

    @Test
    void credentialsFromTheEnvironment_offLoopbackAllowedAndRequired(TestRedis redis) throws Exception {
        DashboardMain command = command(Map.of("JRQ_DASHBOARD_USERNAME", "ops", "JRQ_DASHBOARD_PASSWORD", "pw",
                "JRQ_REDIS_URL", redis.url()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(command, "--bind", "0.0.0.0",
                "--port", "0", "--read-only", "--poll-interval", "500ms"));
        await().atMost(Duration.ofSeconds(30)).until(() -> command.server() != null || exit.isDone());
        Api api = new Api(command.server().url());

        assertThat(api.get("/api/overview").status()).isEqualTo(401);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:pw".getBytes());
        assertThat(api.get("/api/overview", "Authorization", basic).json().get("readOnly").asBoolean()).isTrue();
        command.stop();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void redisUnreachable_exitsOneNamingTheAddressWithoutAStackTrace() {
        int code = run(command(Map.of()), "--url", "redis://:secret@127.0.0.1:1/3", "--port", "0");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("jrq-dashboard: cannot connect to Redis at redis://127.0.0.1:1/3")
                .doesNotContain("secret").doesNotContain("\tat ");
    }

    @Test
    void badPollInterval_exitsTwo() {
        int code = run(command(Map.of()), "--poll-interval", "100ms");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("jrq-dashboard: the poll interval must be at least 250ms; was 100ms");
    }
}
