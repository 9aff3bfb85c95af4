package dev.jrq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest {
    @Test
    void max_withoutIntervals_retriesAtOnce() {
        assertThat(Retry.max(3).intervals()).containsExactly(Duration.ZERO);
    }

    @Test
    void exponential_doublesUpToTheCap_withJitter() {
        Retry retry = Retry.exponential(5, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(retry.intervals()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(retry.jitter()).isEqualTo(0.25);
    }

    @Test
    void invalidRetries_areRefusedSayingWhy() {
        assertThatThrownBy(() -> Retry.max(0)).hasMessage("a retry needs max >= 1; was 0");
        assertThatThrownBy(() -> Retry.max(1).withIntervals(Duration.ofMillis(1500)))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> Retry.max(1).withJitter(1.0)).hasMessage("jitter must be in [0, 1); was 1.0");
        assertThatThrownBy(() -> Retry.exponential(2, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("0 < base <= cap");
    }
}
