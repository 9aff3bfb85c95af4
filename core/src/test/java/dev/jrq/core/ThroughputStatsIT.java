package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RMap;
import org.redisson.client.codec.StringCodec;

@ExtendWith(RedisServerExtension.class)
class ThroughputStatsIT {
    private static final Instant TEN = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void sample_twoSamplersInOneMinute_oneEntryPerMinuteAndPerHour(TestRedis redis) {
        MutableClock clock = MutableClock.at(TEN.plusSeconds(5));
        redis.raw().getMap("jrq:stats", StringCodec.INSTANCE).put("finished", "7");

        long first = redis.newClient(clock).throughput().sample();
        clock.advance(Duration.ofSeconds(30));
        long second = redis.newClient(clock).throughput().sample();
        clock.advance(Duration.ofSeconds(30));
        long nextMinute = redis.newClient(clock).throughput().sample();

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(nextMinute).isEqualTo(1);
        assertThat(redis.raw().getScoredSortedSet("jrq:stats:minutes", StringCodec.INSTANCE).readAll())
                .containsExactlyInAnyOrder(TEN.getEpochSecond() + 5 + ":7:0", TEN.getEpochSecond() + 65 + ":7:0");
        assertThat(redis.zscore("jrq:stats:minutes", TEN.getEpochSecond() + 65 + ":7:0"))
                .isEqualTo(String.valueOf(TEN.getEpochSecond() + 60));
        assertThat(redis.raw().getScoredSortedSet("jrq:stats:hours").size()).isEqualTo(1);
    }

    @Test
    void sample_entriesOlderThanTheirRetention_trimmed(TestRedis redis) {
        MutableClock clock = MutableClock.at(TEN);
        ThroughputStats stats = redis.newClient(clock).throughput();
        stats.sample();
        clock.advance(Duration.ofHours(25));
        stats.sample();
        clock.advance(Duration.ofDays(30));
        stats.sample();

        assertThat(redis.raw().getScoredSortedSet("jrq:stats:minutes").size()).isEqualTo(1);
        assertThat(redis.raw().getScoredSortedSet("jrq:stats:hours").size()).isEqualTo(2);
    }

    @Test
    void totals_perQueueFields_read(TestRedis redis) {
        RMap<String, String> hash = redis.raw().getMap("jrq:stats", StringCodec.INSTANCE);
        hash.putAll(Map.of("finished", "12", "failed", "3", "finished:mail", "10", "finished:web", "2",
                "failed:mail", "3"));

        ThroughputTotals totals = redis.newClient().throughput().totals();

        assertThat(totals.finished()).isEqualTo(12);
        assertThat(totals.failed()).isEqualTo(3);
        assertThat(totals.finishedByQueue()).containsExactly(Map.entry("mail", 10L), Map.entry("web", 2L));
        assertThat(totals.failedByQueue()).containsExactly(Map.entry("mail", 3L));
    }

    @Test
    void history_realFinishesThroughWorkerStore_countedInTheirMinute(TestRedis redis) throws InterruptedException {
        MutableClock clock = MutableClock.at(TEN);
        JrqClient client = redis.newClient(clock);
        client.throughput().sample();
        clock.advance(Duration.ofSeconds(20));
        client.queue("mail").enqueue("mail.send", 1);
        client.queue("mail").enqueue("mail.send", 2);
        WorkerStore store = client.workerStore();
        for (int i = 0; i < 2; i++) {
            ClaimedJob job = store.take("w", List.of("mail"), Duration.ZERO).claimed().orElseThrow();
            assertThat(store.finishSuccess("w", job, i)).isTrue();
        }
        clock.advance(Duration.ofSeconds(40));
        client.throughput().sample();

        List<ThroughputPoint> points = client.throughput().history(TEN, clock.instant(), Duration.ofMinutes(1));

        assertThat(points).containsExactly(new ThroughputPoint(TEN.getEpochSecond(), 2, 0),
                new ThroughputPoint(TEN.getEpochSecond() + 60, 0, 0));
    }
}
