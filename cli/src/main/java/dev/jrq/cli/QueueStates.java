package dev.jrq.cli;

import dev.jrq.core.QueueCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** The states {@code jrq info} shows for a queue, in order, with their counts. */
final class QueueStates {
    /** The states in the order they are shown. */
    static final String[] STATES = {"queued", "started", "deferred", "scheduled", "finished", "failed", "canceled"};

    private QueueStates() {
    }

    /** The counts by state name, in {@link #STATES} order. */
    static Map<String, Long> of(QueueCounts queue) {
        long[] values = {queue.queued(), queue.started(), queue.deferred(), queue.scheduled(), queue.finished(),
                queue.failed(), queue.canceled()};
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < STATES.length; i++) {
            counts.put(STATES[i], values[i]);
        }
        return counts;
    }

    /** Every job of the queue in any state. */
    static long total(QueueCounts queue) {
        return of(queue).values().stream().mapToLong(Long::longValue).sum();
    }
}
