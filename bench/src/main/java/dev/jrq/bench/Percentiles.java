package dev.jrq.bench;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of samples (as the peer benchmark computes them): the p-th percentile is the
 * smallest sample with at least p % of the samples at or below it.
 *
 * <pre>{@code
 * Percentiles latency = Percentiles.of(new long[] {5, 1, 4, 2, 3});
 * latency.at(50);   // 3
 * latency.at(100);  // 5
 * }</pre>
 */
final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The percentiles of {@code samples} (copied, so the caller's array is left alone). */
    static Percentiles of(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The {@code percent}-th percentile, {@code 0 < percent <= 100}.
     *
     * @throws IllegalStateException when there are no samples
     */
    long at(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile must be in (0, 100]; was " + percent);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    long max() {
        return at(100);
    }
}
