package dev.jrq.cli;

import dev.jrq.core.QueueCounts;
import dev.jrq.core.WorkerInfo;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jrq info} as text, in {@code rq info}'s shape: a bar per queue ({@code default      |████ 4}, the queued
 * jobs), a bar per other state under it, a totals line; then one line per worker with its state, queues and
 * current job, and a workers line.
 */
final class InfoText {
    /** rq info's chart width on an 80-column terminal. */
    private static final int CHART_WIDTH = 20;
    private static final int[] SCALES = {20, 50, 100, 200, 400, 600, 800, 1000};
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private InfoText() {
    }

    static void printQueues(InfoSnapshot info, PrintWriter out) {
        double ratio = (double) CHART_WIDTH / scale(info);
        for (QueueCounts queue : info.queues()) {
            out.println(String.format("%-12s %s", queue.name(), bar(ratio, queue.queued())));
            QueueStates.of(queue).forEach((state, count) -> {
                if (!"queued".equals(state)) {
                    out.println(String.format("  %-10s %s", state, bar(ratio, count)));
                }
            });
        }
        List<String> totals = new ArrayList<>();
        for (String state : QueueStates.STATES) {
            totals.add(info.total(state) + " " + state);
        }
        out.println(info.queues().size() + " queues, " + info.total() + " jobs total (" + String.join(", ", totals)
                + ")");
    }

    static void printWorkers(InfoSnapshot info, PrintWriter out) {
        for (WorkerInfo worker : info.workers()) {
            String job = worker.currentJob() == null ? "" : " (job " + worker.currentJob() + ")";
            out.println(worker.name() + " (" + worker.hostname() + " " + (worker.pid() == null ? "?" : worker.pid())
                    + "): " + worker.state() + " " + String.join(", ", worker.queues()) + job);
        }
        out.println(info.workers().size() + " workers, " + info.queues().size() + " queues"
                + (info.suspended() ? "; workers are suspended" : ""));
    }

    /**
     * {@code rq info --raw}: {@code queue NAME COUNT} (the queued jobs) a queue and
     * {@code worker NAME STATE QUEUES} a worker, for scripts; no bars, totals or time.
     */
    static void printRaw(InfoSnapshot info, PrintWriter out, boolean queues, boolean workers) {
        if (queues) {
            info.queues().forEach(queue -> out.println("queue " + queue.name() + " " + queue.queued()));
        }
        if (workers) {
            info.workers().forEach(worker -> out.println("worker " + worker.name() + " " + worker.state() + " "
                    + String.join(",", worker.queues())));
        }
    }

    static void printUpdated(InfoSnapshot info, PrintWriter out) {
        out.println("Updated: " + UPDATED.format(info.takenAt()));
    }

    private static String bar(double ratio, long count) {
        return "|" + "█".repeat((int) (ratio * count)) + " " + count;
    }

    /** rq info's scale: the lowest of its steps at or above the largest count. */
    private static long scale(InfoSnapshot info) {
        long max = 0;
        for (QueueCounts queue : info.queues()) {
            for (long count : QueueStates.of(queue).values()) {
                max = Math.max(max, count);
            }
        }
        for (int scale : SCALES) {
            if (max <= scale) {
                return scale;
            }
        }
        return max;
    }
}
