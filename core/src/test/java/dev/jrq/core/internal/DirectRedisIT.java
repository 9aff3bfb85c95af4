package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Script calls on the direct path: every reply type, error replies, and a Redis restart. */
@ExtendWith(RedisServerExtension.class)
class DirectRedisIT {
    private TestRedis redis;
    private DirectRedis direct;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        Config config = new Config();
        config.useSingleServer().setAddress(redis.url().replaceFirst("/\\d+$", "")).setDatabase(3);
        this.direct = DirectRedis.forConfig(config);
    }

    @AfterEach
    void close() {
        direct.close();
    }

    @Test
    void evalSha_everyReplyType_decodedAsRedissonDoes() {
        String sha = load("return {1, 'two', {3}, false, ARGV[1], KEYS[1]}");

        List<?> reply = (List<?>) direct.evalSha(sha, List.of("k"), new Object[] {bytes("é\r\n\0")});

        assertThat(reply.get(0)).isEqualTo(1L);
        assertThat((byte[]) reply.get(1)).isEqualTo(bytes("two"));
        assertThat(reply.get(2)).isEqualTo(List.of(3L));
        assertThat(reply.get(3)).isNull();
        assertThat((byte[]) reply.get(4)).isEqualTo(bytes("é\r\n\0"));
        assertThat((byte[]) reply.get(5)).isEqualTo(bytes("k"));
        assertThat(direct.evalSha(load("return 42"), List.of(), new Object[0])).isEqualTo(42L);
        assertThat(direct.evalSha(load("return nil"), List.of(), new Object[0])).isNull();
    }

    @Test
    void evalSha_bigArgument_roundTrips() {
        byte[] big = new byte[3 * 1024 * 1024];
        new java.util.Random(5).nextBytes(big);

        assertThat((byte[]) direct.evalSha(load("return ARGV[1]"), List.of(), new Object[] {big})).isEqualTo(big);
    }

    @Test
    void evalSha_database_isTheConfiguredOne() {
        direct.evalSha(load("redis.call('SET', KEYS[1], '1') return 1"), List.of("in-db-3"), new Object[0]);

        assertThat(redis.raw().getBucket("in-db-3", StringCodec.INSTANCE).isExists()).as("db 0").isFalse();
    }

    @Test
    void evalSha_errorReply_throwsAndTheConnectionStaysUsable() {
        assertThatThrownBy(() -> direct.evalSha("0".repeat(40), List.of(), new Object[0]))
                .isInstanceOf(RedisException.class).hasMessageContaining("NOSCRIPT");
        assertThatThrownBy(() -> direct.evalSha(load("return {1, redis.error_reply('boom'), 3}"), List.of(),
                new Object[0])).isInstanceOf(RedisException.class).hasMessageContaining("boom");

        assertThat(direct.evalSha(load("return 7"), List.of(), new Object[0])).isEqualTo(7L);
    }

    @Test
    void blockingPop_nothingThenAPush_nullThenTheKeyAndValue() throws Exception {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.url().replaceFirst("/\\d+$", ""));
        try (DirectRedis db0 = DirectRedis.forConfig(config)) {
            assertThat(db0.blockingPop(List.of("a", "b"), java.time.Duration.ofMillis(200))).isNull();
            new Thread(() -> {
                sleep(300);
                redis.raw().getList("b", StringCodec.INSTANCE).add("id-1");
            }).start();

            List<byte[]> popped = db0.blockingPop(List.of("a", "b"), java.time.Duration.ofSeconds(5));

            assertThat(popped).hasSize(2);
            assertThat(new String(popped.get(0), StandardCharsets.UTF_8)).isEqualTo("b");
            assertThat(new String(popped.get(1), StandardCharsets.UTF_8)).isEqualTo("id-1");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void evalSha_afterARedisRestart_reconnects() throws Exception {
        String sha = load("return 1");
        direct.evalSha(sha, List.of(), new Object[0]);

        redis.stopServer();
        redis.startServer();
        Thread.sleep(1100); // why: an idle connection is checked before reuse after a second

        assertThatThrownBy(() -> direct.evalSha(sha, List.of(), new Object[0])).hasMessageContaining("NOSCRIPT");
        assertThat(direct.evalSha(load("return 1"), List.of(), new Object[0])).isEqualTo(1L);
    }

    private String load(String script) {
        return redis.raw().getScript(StringCodec.INSTANCE).scriptLoad(script);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
