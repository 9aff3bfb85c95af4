package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void table_jrqAndAPeer_mediansAndRatiosBetterAboveOne() {
        Comparison comparison = new Comparison();
        comparison.add("jrq", Comparison.Column.ENQUEUE, 10_000.0);
        comparison.add("jrq", Comparison.Column.ENQUEUE, 30_000.0);
        comparison.add("jrq", Comparison.Column.ENQUEUE, 20_000.0);
        comparison.add("jrq", Comparison.Column.P99, 0.5);
        comparison.addPeerCase("sidekiq", "w1", "single", Map.of("ok", true, "jobs_per_s", 10_000.0));
        comparison.addPeerCase("sidekiq", "w3", "c8", Map.of("ok", true, "p50_ms", 0.2, "p99_ms", 1.0));
        comparison.addPeerCase("sidekiq", "w2", "c8", Map.of("ok", false, "rate", 99.0));

        String table = comparison.table("jrq");

        assertThat(comparison.median("jrq", Comparison.Column.ENQUEUE)).isEqualTo(20_000.0);
        assertThat(comparison.median("sidekiq", Comparison.Column.DRAIN_C8)).as("a failed case").isNaN();
        assertThat(table).contains("| jrq | 20000 |").contains("| sidekiq | 10000 |")
                .contains("| jrq vs sidekiq | 2.00x |").contains("| 2.00x |");
    }
}
