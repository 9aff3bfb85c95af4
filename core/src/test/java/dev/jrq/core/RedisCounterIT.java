package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

@ExtendWith(RedisServerExtension.class)
class RedisCounterIT {

    @Test
    void get_missingKey_zero(TestRedis redis) {
        assertThat(redis.newClient().counter("count").get()).isZero();
    }

    @Test
    void increment_fromNothing_countsAndStoresPlainDecimal(TestRedis redis) {
        RedisCounter counter = redis.newClient().counter("count");

        assertThat(counter.increment()).isEqualTo(1);
        assertThat(counter.increment()).isEqualTo(2);

        assertThat(counter.get()).isEqualTo(2);
        assertThat(redis.raw().getBucket("count", StringCodec.INSTANCE).get()).isEqualTo("2");
    }

    @Test
    void increment_valueWrittenByPythonIncr_continuesFromIt(TestRedis redis) {
        redis.raw().getBucket("count", StringCodec.INSTANCE).set("41");
        RedisCounter counter = redis.newClient().counter("count");

        assertThat(counter.get()).isEqualTo(41);
        assertThat(counter.increment()).isEqualTo(42);
    }
}
