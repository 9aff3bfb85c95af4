package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputHistoryTest {
    private static long[] sample(long at, long finished, long failed) {
        return new long[] {at, finished, failed};
    }

    @Test
    void buckets_samplesOnBoundaries_differencesPerBucket() {
        List<long[]> samples = List.of(sample(600, 10, 1), sample(660, 15, 1), sample(720, 15, 4));

        assertThat(ThroughputHistory.buckets(samples, 600, 720, 60)).containsExactly(
                new ThroughputPoint(600, 5, 0), new ThroughputPoint(660, 0, 3), new ThroughputPoint(720, 0, 0));
    }

    @Test
    void buckets_gapWithoutSamples_jobsSpreadEvenlyOverIt() {
        List<long[]> samples = List.of(sample(0, 0, 0), sample(1800, 90, 30));

        assertThat(ThroughputHistory.buckets(samples, 0, 1200, 600)).containsExactly(
                new ThroughputPoint(0, 30, 10), new ThroughputPoint(600, 30, 10), new ThroughputPoint(1200, 30, 10));
    }

    @Test
    void buckets_beforeTheFirstSample_leftOut() {
        List<long[]> samples = List.of(sample(120, 5, 0), sample(180, 8, 0));

        assertThat(ThroughputHistory.buckets(samples, 0, 180, 60)).containsExactly(
                new ThroughputPoint(120, 3, 0), new ThroughputPoint(180, 0, 0));
    }

    @Test
    void buckets_totalsReset_zeroNeverNegative() {
        List<long[]> samples = List.of(sample(0, 50, 9), sample(60, 2, 0), sample(120, 6, 1));

        assertThat(ThroughputHistory.buckets(samples, 0, 60, 60)).containsExactly(
                new ThroughputPoint(0, 0, 0), new ThroughputPoint(60, 4, 1));
    }

    @Test
    void buckets_noSamples_noPoints() {
        assertThat(ThroughputHistory.buckets(List.of(), 0, 600, 60)).isEmpty();
    }
}
