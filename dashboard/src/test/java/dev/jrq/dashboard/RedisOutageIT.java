package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redis going away and coming back: the API says so instead of hanging or crashing, and live updates resume. */
@ExtendWith(RedisServerExtension.class)
class RedisOutageIT {
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void redisStoppedThenStarted_health503ThenOkAndEventsResume(TestRedis redis) throws InterruptedException {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        server = DashboardServer.start(client, DashboardOptions.builder().port(0)
                .pollInterval(Duration.ofMillis(250)).build());
        Api api = new Api(server.url());

        try (EventStream events = EventStream.open(server.url())) {
            events.next("overview", overview -> true, Duration.ofSeconds(10));
            redis.stopServer();
            try {
                Api.Response down = api.get("/api/health");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json().get("ok").asBoolean()).isFalse();
                assertThat(down.json().get("error").asText()).startsWith("Redis does not answer: ");
                Api.Response overview = api.get("/api/overview");
                assertThat(overview.status()).isEqualTo(503);
                assertThat(overview.json().get("error").asText()).startsWith("Redis did not answer: ");
            } finally {
                redis.startServer();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get("/api/health").status() == 200);
            client.queue("after-outage").enqueue("mail.send");
            events.next("overview", overview -> overview.toString().contains("after-outage"), Duration.ofSeconds(30));
        }
    }
}
