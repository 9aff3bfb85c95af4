package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void at_unsortedSamples_nearestRank() {
        Percentiles percentiles = Percentiles.of(new long[] {5, 1, 4, 2, 3});

        assertThat(percentiles.at(50)).isEqualTo(3);
        assertThat(percentiles.at(20)).isEqualTo(1);
        assertThat(percentiles.at(21)).isEqualTo(2);
        assertThat(percentiles.at(99)).isEqualTo(5);
        assertThat(percentiles.max()).isEqualTo(5);
    }

    @Test
    void at_hundredSamples_p99IsTheSecondLargest() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }

        assertThat(Percentiles.of(samples).at(99)).isEqualTo(99);
        assertThat(Percentiles.of(samples).at(50)).isEqualTo(50);
    }

    @Test
    void at_oneSample_everyPercentileIsIt() {
        assertThat(Percentiles.of(new long[] {7}).at(1)).isEqualTo(7);
        assertThat(Percentiles.of(new long[] {7}).at(100)).isEqualTo(7);
    }

    @Test
    void at_noSamplesOrBadPercent_refused() {
        assertThatThrownBy(() -> Percentiles.of(new long[0]).at(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[] {1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_leavesTheCallersArrayAlone() {
        long[] samples = {3, 1, 2};

        Percentiles.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }
}
