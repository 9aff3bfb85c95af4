package dev.jrq.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * The monotonic totals of {@code jrq:stats}, which JRQ workers' finish scripts add to atomically with each outcome.
 *
 * @param finished        jobs finished, all queues
 * @param failed          failed attempts, all queues
 * @param finishedByQueue jobs finished per queue
 * @param failedByQueue   failed attempts per queue
 */
public record ThroughputTotals(long finished, long failed, Map<String, Long> finishedByQueue,
                               Map<String, Long> failedByQueue) {

    public ThroughputTotals {
        finishedByQueue = java.util.Collections.unmodifiableMap(new TreeMap<>(finishedByQueue));
        failedByQueue = java.util.Collections.unmodifiableMap(new TreeMap<>(failedByQueue));
    }
}
