package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/events}: live views over server-sent events, from one poller shared by every client. */
@ExtendWith(RedisServerExtension.class)
class EventsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DashboardServer start(JrqClient client) {
        server = DashboardServer.start(client, DashboardOptions.builder().port(0)
                .pollInterval(Duration.ofMillis(250)).build());
        return server;
    }

    private static boolean hasQueue(com.fasterxml.jackson.databind.JsonNode overview, String name) {
        return StreamSupport.stream(overview.get("queues").spliterator(), false)
                .anyMatch(queue -> queue.get("name").asText().equals(name));
    }

    @Test
    void events_connectThenEnqueueToANewQueue_overviewOnConnectAndAgainWithTheQueue(TestRedis redis)
            throws InterruptedException {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        start(client);

        try (EventStream events = EventStream.open(server.url())) {
            assertThat(events.status()).isEqualTo(200);
            assertThat(events.header("Content-Type")).startsWith("text/event-stream");
            assertThat(events.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(events.header("X-Accel-Buffering")).isEqualTo("no");
            var first = events.next("overview", overview -> true, WAIT);
            assertThat(hasQueue(first.data(), "mail")).isTrue();
            assertThat(first.data().get("throughput")).isNotNull();
            events.next("workers", workers -> workers.get("workers").isArray(), WAIT);
            var throughput = events.next("throughput", point -> true, WAIT);
            assertThat(throughput.data().fieldNames()).toIterable().containsExactly("t", "finished", "failed");

            List<EventStream.Event> quiet = events.during(Duration.ofSeconds(1));
            assertThat(quiet).as("nothing changed: no overview sent again").noneMatch(e -> e.type().equals("overview"))
                    .anyMatch(e -> e.type().equals("throughput"));

            client.queue("brand-new").enqueue("reports.build");
            var changed = events.next("overview", overview -> hasQueue(overview, "brand-new"), WAIT);
            assertThat(changed.data().get("queues").get(0).get("counts").get("queued").asLong()).isEqualTo(1);
        }
    }

    @Test
    void events_twoClients_oneSharedPollNotTwo_andNoPollingOnceTheyLeave(TestRedis redis)
            throws InterruptedException {
        start(redis.newClient());
        EventStream first = EventStream.open(server.url());
        first.next("overview", overview -> true, WAIT);
        EventStream second = EventStream.open(server.url());
        second.next("overview", overview -> true, WAIT);

        long ticksBefore = server.pollerTicks();
        Map<String, Long> before = RedisCommands.calls(redis);
        first.during(Duration.ofSeconds(2));
        long ticks = server.pollerTicks() - ticksBefore;
        Map<String, Long> made = RedisCommands.between(before, RedisCommands.calls(redis));

        assertThat(ticks).as("ticks in 2 s at 250 ms with two clients").isBetween(5L, 10L);
        // A tick is counted when it starts and reads Redis just after, so a tick in flight at either edge of the
        // window can put its two reads on the other side of the count; a poll per client would make 4 reads per tick.
        assertThat(made.get("smembers")).as("one read of rq:queues and rq:workers per tick, whatever the clients, "
                + "give or take the tick in flight at each edge; " + made).isBetween(2 * ticks - 2, 2 * ticks + 4);

        first.close();
        second.close();
        await().atMost(WAIT).until(() -> server.eventListeners() == 0);
        long idleTicks = server.pollerTicks();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> server.pollerTicks() == idleTicks);
    }

    @Test
    void events_credentialsRequired_401WithoutThem(TestRedis redis) {
        server = DashboardServer.start(redis.newClient(), DashboardOptions.builder().port(0).token("tk").build());

        try (EventStream refused = EventStream.open(server.url())) {
            assertThat(refused.status()).isEqualTo(401);
        }
        assertThat(server.eventListeners()).isZero();
    }

    @Test
    void close_withAClientConnected_stopsPromptlyAndEndsTheStream(TestRedis redis) throws InterruptedException {
        start(redis.newClient());
        EventStream events = EventStream.open(server.url());
        events.next("overview", overview -> true, WAIT);

        long started = System.nanoTime();
        server.close();
        server = null;

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        events.close();
    }
}
