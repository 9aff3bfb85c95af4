package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/** lib/rq_time.lua, run by Redis, writes RQ's timestamps as {@link RqTime} does. */
@ExtendWith(RedisServerExtension.class)
class RqTimeLuaIT {
    @Test
    void rqTimestamp_datesAcrossLeapYearsAndCenturies_sameTextAsRqTime(TestRedis redis) throws IOException {
        String script = library() + "\nreturn rq_timestamp(tonumber(ARGV[1]), tonumber(ARGV[2]))";
        RScript lua = redis.raw().getScript(StringCodec.INSTANCE);
        List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("2000-02-29T12:00:00.000001Z"),
                Instant.parse("1999-12-31T23:59:59.999999Z"), Instant.parse("2024-02-29T00:00:00Z"),
                Instant.parse("2024-12-31T23:59:59.5Z"), Instant.parse("2100-02-28T23:59:59Z"),
                Instant.parse("2100-03-01T00:00:00Z"), Instant.parse("2026-12-05T08:41:07.123456Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"));
        for (Instant instant : instants) {
            String written = lua.eval(RScript.Mode.READ_ONLY, script, RScript.ReturnType.VALUE, List.of(),
                    String.valueOf(instant.getEpochSecond()), String.valueOf(instant.getNano() / 1_000));
            assertThat(written).as("%s", instant).isEqualTo(RqTime.format(instant));
        }
    }

    private static String library() throws IOException {
        try (InputStream in = RqTimeLuaIT.class.getResourceAsStream("/dev/jrq/core/lua/lib/rq_time.lua")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
