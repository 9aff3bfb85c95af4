package dev.jrq.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs finished and failed per second over the last five minutes, kept in memory from the poller's reads of the
 * {@code jrq:stats} totals: each tick's increase divided by the seconds since the previous tick, as a point at the
 * tick's second. Nothing is recorded while the poller is idle, so the series has gaps then. Thread-safe.
 */
final class LiveThroughput {
    static final int WINDOW_SECONDS = 300;

    private final Deque<Point> points = new ArrayDeque<>();
    private long lastMillis = -1;
    private long lastFinished;
    private long lastFailed;

    /** Records the totals read at {@code epochMillis}; returns the new point, or null for the first read. */
    synchronized Point record(long epochMillis, long finished, long failed) {
        Point point = null;
        if (lastMillis >= 0 && epochMillis > lastMillis) {
            double seconds = (epochMillis - lastMillis) / 1000.0;
            point = new Point(epochMillis / 1000, rate(finished - lastFinished, seconds),
                    rate(failed - lastFailed, seconds));
            if (!points.isEmpty() && points.peekLast().t() == point.t()) {
                points.pollLast(); // why: two ticks in one second (a poll interval under a second): the later wins
            }
            points.addLast(point);
            while (points.peekFirst().t() <= point.t() - WINDOW_SECONDS) {
                points.pollFirst();
            }
        }
        lastMillis = epochMillis;
        lastFinished = finished;
        lastFailed = failed;
        return point;
    }

    synchronized List<Point> points() {
        return new ArrayList<>(points);
    }

    private static double rate(long increase, double seconds) {
        // why: a total that went down was reset (jrq:stats deleted); count nothing rather than a negative rate
        return Math.round(Math.max(0, increase) / seconds * 100) / 100.0;
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
