package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.JobRequest;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RMap;
import org.redisson.client.codec.StringCodec;

/** {@code GET /api/throughput}: the live per-second window and the history kept in Redis under jrq:. */
@ExtendWith(RedisServerExtension.class)
class ThroughputIT {
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hourWindow_samplesAtMinuteBoundaries_perMinuteJobsFromTheStatsHash(TestRedis redis) {
        Instant ten = Instant.parse("2026-11-28T10:00:00Z");
        MutableClock clock = MutableClock.at(ten);
        JrqClient client = redis.newClient(clock);
        RMap<String, String> stats = redis.raw().getMap("jrq:stats", StringCodec.INSTANCE);
        stats.putAll(java.util.Map.of("finished", "100", "failed", "5"));
        client.throughput().sample();
        clock.advance(Duration.ofMinutes(1));
        stats.addAndGet("finished", 20);
        stats.addAndGet("failed", 1);
        client.throughput().sample();
        clock.advance(Duration.ofMinutes(1));
        stats.addAndGet("finished", 7);
        client.throughput().sample();
        clock.advance(Duration.ofSeconds(30));
        stats.addAndGet("finished", 3);
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());

        JsonNode body = new Api(server.url()).get("/api/throughput?window=hour").json();

        assertThat(body.get("window").asText()).isEqualTo("hour");
        assertThat(body.get("step").asInt()).isEqualTo(60);
        long t = ten.getEpochSecond();
        assertThat(body.get("points").toString()).isEqualTo("[{\"t\":" + t + ",\"finished\":20,\"failed\":1},"
                + "{\"t\":" + (t + 60) + ",\"finished\":7,\"failed\":0},{\"t\":" + (t + 120)
                + ",\"finished\":3,\"failed\":0}]");
        JsonNode week = new Api(server.url()).get("/api/throughput?window=week").json();
        assertThat(week.get("step").asInt()).isEqualTo(3600);
        assertThat(week.get("points").toString()).isEqualTo("[{\"t\":" + t + ",\"finished\":30,\"failed\":1}]");
        assertThat(new Api(server.url()).get("/api/throughput?window=day").json().get("step").asInt()).isEqualTo(600);
        assertThat(redis.raw().getScoredSortedSet("jrq:stats:minutes").size()).isEqualTo(3);
    }

    @Test
    void liveWindow_jobsFinishedByAWorker_perSecondPointsAndTheOverviewTotals(TestRedis redis)
            throws InterruptedException {
        JrqClient client = redis.newClient();
        server = DashboardServer.start(client, DashboardOptions.builder().port(0)
                .pollInterval(Duration.ofMillis(250)).build());
        Api api = new Api(server.url());

        try (EventStream events = EventStream.open(server.url())) {
            events.next("overview", overview -> true, Duration.ofSeconds(10));
            for (int i = 0; i < 3; i++) {
                Seed.finishedJob(client, "reports", JobRequest.of("reports.build", i), i);
            }
            Seed.failedJobs(client, "reports", 1);
            events.next("overview", overview -> overview.get("throughput").get("finished").asLong() == 3
                    && overview.get("throughput").get("failed").asLong() == 1, Duration.ofSeconds(10));
        }

        JsonNode live = api.get("/api/throughput?window=live").json();
        assertThat(live.get("step").asInt()).isEqualTo(1);
        double finished = 0;
        double failed = 0;
        for (JsonNode point : live.get("points")) {
            finished += point.get("finished").asDouble() * 0.25; // per second, over ticks of 250 ms
            failed += point.get("failed").asDouble() * 0.25;
        }
        assertThat(finished).as(live.toString()).isGreaterThan(0);
        assertThat(failed).as(live.toString()).isGreaterThan(0);
        JsonNode overview = api.get("/api/overview").json();
        assertThat(overview.get("throughput").toString()).isEqualTo("{\"finished\":3,\"failed\":1}");
        assertThat(redis.hash("jrq:stats")).containsEntry("finished:reports", "3").containsEntry("failed:reports", "1");
    }

    @Test
    void badWindow_400WithTheAllowedValues(TestRedis redis) {
        server = DashboardServer.start(redis.newClient(), DashboardOptions.builder().port(0).build());

        Api.Response response = new Api(server.url()).get("/api/throughput?window=year");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("window must be one of live, hour, day, week; "
                + "was 'year'");
    }
}
