package dev.jrq.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns samples of cumulative totals into per-bucket counts: the totals at any moment between two samples are
 * interpolated linearly (so the jobs of a gap without samples are spread evenly over it), a bucket counts the
 * difference between the totals at its end and at its start, and a total that went down (the hash was reset)
 * counts as zero, never negative.
 */
final class ThroughputHistory {
    private ThroughputHistory() {
    }

    /**
     * @param samples {@code [epochSecond, finished, failed]} in time order
     * @return one point per bucket of {@code step} seconds aligned to the step, from the bucket holding {@code from}
     *         to the one holding {@code to}; buckets before the first sample are left out
     */
    static List<ThroughputPoint> buckets(List<long[]> samples, long from, long to, long step) {
        List<ThroughputPoint> points = new ArrayList<>();
        if (samples.isEmpty()) {
            return points;
        }
        long first = samples.get(0)[0];
        for (long start = from - Math.floorMod(from, step); start <= to; start += step) {
            long end = Math.min(start + step, samples.get(samples.size() - 1)[0]);
            if (start < first || end < start) {
                continue;
            }
            points.add(new ThroughputPoint(start, Math.max(0, at(samples, end, 1) - at(samples, start, 1)),
                    Math.max(0, at(samples, end, 2) - at(samples, start, 2))));
        }
        return points;
    }

    /** The total {@code column} at {@code time}, interpolated between the samples around it. */
    private static long at(List<long[]> samples, long time, int column) {
        long[] before = samples.get(0);
        for (long[] sample : samples) {
            if (sample[0] == time) {
                return sample[column];
            }
            if (sample[0] > time) {
                if (sample[0] == before[0] || time <= before[0]) {
                    return before[column];
                }
                double share = (double) (time - before[0]) / (sample[0] - before[0]);
                return before[column] + Math.round(share * (sample[column] - before[column]));
            }
            before = sample;
        }
        return before[column];
    }
}
