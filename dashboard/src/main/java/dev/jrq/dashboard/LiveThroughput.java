package dev.jrq.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs finished and failed per second over the last five minutes, kept in memory from the poller's reads of the
 * {@code jrq:stats} totals. The point of second {@code t} counts what the totals grew by since the last read before
 * that second, divided by the seconds that took (at least one): with a poll interval under a second, the reads within
 * one second add up to that second's jobs; with a longer one, the increase is spread over its seconds. Nothing is
 * recorded while the poller is idle, so the series has gaps then. Thread-safe.
 */
final class LiveThroughput {
    static final int WINDOW_SECONDS = 300;

    private final Deque<Point> points = new ArrayDeque<>();
    private Read last;
    private Read base;

    /** Records the totals read at {@code epochMillis}; returns the new point, or null for the first read. */
    synchronized Point record(long epochMillis, long finished, long failed) {
        Read read = new Read(epochMillis, finished, failed);
        if (last == null || epochMillis <= last.millis()) {
            last = last == null ? read : last;
            base = base == null ? read : base;
            return null;
        }
        if (read.second() != last.second()) {
            base = last; // why: the second's point counts from the last read before it
        }
        last = read;
        double seconds = Math.max(1.0, (epochMillis - base.millis()) / 1000.0);
        Point point = new Point(read.second(), rate(finished - base.finished(), seconds),
                rate(failed - base.failed(), seconds));
        if (!points.isEmpty() && points.peekLast().t() == point.t()) {
            points.pollLast(); // why: a later read in the same second counts that second's jobs again, and more
        }
        points.addLast(point);
        while (points.peekFirst().t() <= point.t() - WINDOW_SECONDS) {
            points.pollFirst();
        }
        return point;
    }

    synchronized List<Point> points() {
        return new ArrayList<>(points);
    }

    private static double rate(long increase, double seconds) {
        // why: a total that went down was reset (jrq:stats deleted); count nothing rather than a negative rate
        return Math.round(Math.max(0, increase) / seconds * 100) / 100.0;
    }

    private record Read(long millis, long finished, long failed) {
        long second() {
            return millis / 1000;
        }
    }

    /** Jobs per second at the second {@code t} (epoch seconds). */
    record Point(long t, double finished, double failed) {
        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("t", t);
            view.put("finished", finished);
            view.put("failed", failed);
            return view;
        }
    }
}
