package dev.jrq.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a failed job is tried again, and after how long: RQ's {@code Retry(max, interval)}, plus
 * exponential backoff with jitter (RQ has none). A retried job keeps its id; each failed attempt is in its result
 * stream.
 *
 * <pre>{@code
 * Retry.max(3);                                                  // at once, up to 3 more times
 * Retry.max(3).withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(5)); // RQ's choice: 1 s, 1 s, 5 s
 * Retry.exponential(5, Duration.ofSeconds(2), Duration.ofMinutes(5));      // 2, 4, 8, 16, 32 s, each +-25%
 * }</pre>
 *
 * @param max       how many more attempts after the first failure (RQ's {@code retries_left} at enqueue)
 * @param intervals the waits before the attempts, whole seconds; RQ picks
 *                  {@code intervals[max(len - retries_left, 0)]}, so a short list repeats its first value
 * @param jitter    a fraction in [0, 1): each wait is moved at random by up to this much, up or down (JRQ only;
 *                  Python workers use the intervals as they are)
 */
public record Retry(int max, List<Duration> intervals, double jitter) {

    public Retry {
        if (max < 1) {
            throw new IllegalArgumentException("a retry needs max >= 1; was " + max);
        }
        intervals = intervals == null || intervals.isEmpty() ? List.of(Duration.ZERO) : List.copyOf(intervals);
        for (Duration interval : intervals) {
            if (interval.isNegative() || interval.getNano() != 0) {
                throw new IllegalArgumentException("retry intervals must be whole seconds >= 0; was " + interval);
            }
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1); was " + jitter);
        }
    }

    /** Up to {@code max} more attempts, each right away. */
    public static Retry max(int max) {
        return new Retry(max, List.of(Duration.ZERO), 0);
    }

    /**
     * Up to {@code max} more attempts with exponentially growing waits {@code base, 2 base, 4 base, ...} capped at
     * {@code cap}, each moved by up to 25% at random so that failing jobs do not retry in lockstep.
     */
    public static Retry exponential(int max, Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("exponential retry needs 0 < base <= cap; were " + base + " and " + cap);
        }
        List<Duration> waits = new ArrayList<>(max);
        Duration wait = base;
        for (int i = 0; i < max; i++) {
            waits.add(wait.compareTo(cap) > 0 ? cap : wait);
            wait = wait.multipliedBy(2);
        }
        return new Retry(max, waits, 0.25);
    }

    /** The same number of attempts with these waits (RQ's {@code interval=[...]}). */
    public Retry withIntervals(Duration... waits) {
        return new Retry(max, List.of(waits), jitter);
    }

    /** The same attempts and waits with this jitter fraction. */
    public Retry withJitter(double fraction) {
        return new Retry(max, intervals, fraction);
    }
}
