package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveThroughputTest {
    private final LiveThroughput live = new LiveThroughput();

    @Test
    void record_readsWithinOneSecond_addUpToThatSecondsJobs() {
        assertThat(live.record(10_900, 100, 5)).isNull();
        live.record(11_000, 101, 5);
        live.record(11_250, 103, 6);
        LiveThroughput.Point point = live.record(11_750, 104, 6);

        assertThat(point).isEqualTo(new LiveThroughput.Point(11, 4, 1));
        assertThat(live.points()).containsExactly(point);
    }

    @Test
    void record_nextSecond_countsFromTheLastReadBeforeIt() {
        live.record(10_900, 100, 5);
        live.record(11_750, 104, 6);

        assertThat(live.record(12_250, 107, 6)).isEqualTo(new LiveThroughput.Point(12, 3, 0));
        assertThat(live.points()).extracting(LiveThroughput.Point::t).containsExactly(11L, 12L);
    }

    @Test
    void record_slowPolling_spreadsTheIncreaseOverItsSeconds() {
        live.record(10_000, 0, 0);

        assertThat(live.record(14_000, 20, 4)).isEqualTo(new LiveThroughput.Point(14, 5, 1));
    }

    @Test
    void record_totalsReset_countsNothingRatherThanANegativeRate() {
        live.record(10_000, 50, 5);

        assertThat(live.record(11_000, 0, 0)).isEqualTo(new LiveThroughput.Point(11, 0, 0));
    }

    @Test
    void record_pointsOlderThanTheWindow_dropped() {
        live.record(0, 0, 0);
        live.record(1_000, 1, 0);
        live.record((LiveThroughput.WINDOW_SECONDS + 2) * 1000L, 2, 0);

        assertThat(live.points()).extracting(LiveThroughput.Point::t).containsExactly(LiveThroughput.WINDOW_SECONDS + 2L);
    }
}
