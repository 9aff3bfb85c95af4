package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcLogTest {
    private static final String LOG = String.join("\n",
            "[0.004s][info][gc] Using G1",
            "[0.912s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(128M) 3.125ms",
            "[1.500s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 60M->10M(128M) 2.500ms",
            "[1.502s][info][gc] GC(2) Concurrent Mark Cycle",
            "[1.540s][info][gc] GC(2) Pause Remark 12M->12M(128M) 1.000ms",
            "[1.560s][info][gc] GC(2) Concurrent Mark Cycle 58.123ms",
            "[2.100s][info][gc] GC(3) Pause Full (G1 Compaction Pause) 127M->90M(128M) 40.250ms", "");

    @Test
    void parse_g1Log_pausesAndTheirTimes() {
        GcLog log = GcLog.parse(LOG);

        assertThat(log.collector()).isEqualTo("G1");
        assertThat(log.pauses()).isEqualTo(4);
        assertThat(log.fullPauses()).isEqualTo(1);
        assertThat(log.totalPauseMillis()).isCloseTo(46.875, within(1e-9));
        assertThat(log.maxPauseMillis()).isEqualTo(40.25);
    }

    @Test
    void parse_g1Log_allocationIsTheHeapsGrowthBetweenCollections() {
        GcLog log = GcLog.parse(LOG);

        // 24 from the start, then 60 - 4, 12 - 10 and 127 - 12
        assertThat(log.allocatedBytes()).isEqualTo((24L + 56 + 2 + 115) << 20);
    }

    @Test
    void parse_noPauses_zeros() {
        GcLog log = GcLog.parse("[0.004s][info][gc] Using Serial\n");

        assertThat(log.collector()).isEqualTo("Serial");
        assertThat(log.pauses()).isZero();
        assertThat(log.allocatedBytes()).isZero();
    }
}
