package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {
    @Test
    void slotNames_oneSlot_isTheWorkerName() {
        assertThat(new WorkerOptions("w", List.of("default"), 1, false, null).slotNames()).containsExactly("w");
    }

    @Test
    void slotNames_manySlots_areNumbered() {
        assertThat(new WorkerOptions("w", List.of("default"), 3, false, null).slotNames())
                .containsExactly("w.1", "w.2", "w.3");
    }

    @Test
    void lease_defaultsToSixtySeconds_renewedEveryTen_reapedEveryThirty() {
        WorkerOptions options = new WorkerOptions("w", List.of("q"), 1, true, null);
        assertThat(options.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.heartbeat()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.reapInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.abandonGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void invalidOptions_areRefusedSayingWhy() {
        assertThatThrownBy(() -> new WorkerOptions("a:b", List.of("q"), 1, false, null))
                .hasMessageContaining("must not be blank or contain ':'");
        assertThatThrownBy(() -> new WorkerOptions("w", List.of(), 1, false, null))
                .hasMessage("a worker needs at least one queue");
        assertThatThrownBy(() -> new WorkerOptions("w", List.of("q"), 0, false, null))
                .hasMessage("concurrency must be at least 1; was 0");
    }
}
