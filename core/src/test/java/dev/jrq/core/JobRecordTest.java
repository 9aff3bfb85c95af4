package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRecordTest {

    @Test
    void timeout_wholeSeconds_readAsWritten() {
        assertThat(withField("timeout", "180").timeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(withField("timeout", "-1").timeout()).isEqualTo(Duration.ofSeconds(-1));
        assertThat(withField("timeout", "9000000000").timeout()).isEqualTo(Duration.ofSeconds(9_000_000_000L));
    }

    @Test
    void timeout_fractionOrExponent_truncatedToWholeSeconds() {
        assertThat(withField("timeout", "2.75").timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(withField("timeout", "1e3").timeout()).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void ttls_emptyMissingOrNotANumber_areNull() {
        assertThat(withField("result_ttl", "").resultTtl()).isNull();
        assertThat(withField("result_ttl", "soon").resultTtl()).isNull();
        assertThat(withField("result_ttl", "-").resultTtl()).isNull();
        assertThat(withField("ttl", "60").failureTtl()).isNull();
        assertThat(withField("ttl", "60").ttl()).isEqualTo(Duration.ofMinutes(1));
    }

    private static JobRecord withField(String field, String value) {
        return new JobRecord("id", null, "default", new JobPayload("f", List.of(), Map.of(), 0, null), "f()",
                Instant.EPOCH, null, null, null, null, Map.of(), Map.of(field, value));
    }
}
