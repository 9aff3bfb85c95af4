package dev.jrq.cli;

import dev.jrq.core.JobQueue;
import dev.jrq.core.RegistryType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many jobs one queue holds in each state: waiting in {@code rq:queue:<q>}, and in each of its registries.
 *
 * @param name      the queue
 * @param queued    jobs waiting in the queue
 * @param started   jobs running ({@code rq:wip:<q>})
 * @param deferred  jobs waiting for others
 * @param scheduled jobs to enqueue later
 * @param finished  finished jobs still kept
 * @param failed    failed jobs still kept
 * @param canceled  canceled jobs
 */
record QueueCounts(String name, long queued, long started, long deferred, long scheduled, long finished, long failed,
                   long canceled) {

    /** The states in the order they are shown. */
    static final String[] STATES = {"queued", "started", "deferred", "scheduled", "finished", "failed", "canceled"};

    /**
     * Reads the counts of {@code queue}, after dropping expired finished and failed entries as {@code rq info} does
     * (RQ's {@code clean_registries}).
     */
    static QueueCounts read(JobQueue queue) {
        queue.registry(RegistryType.FINISHED).cleanup();
        queue.registry(RegistryType.FAILED).cleanup();
        return new QueueCounts(queue.name(), queue.count(), count(queue, RegistryType.STARTED),
                count(queue, RegistryType.DEFERRED), count(queue, RegistryType.SCHEDULED),
                count(queue, RegistryType.FINISHED), count(queue, RegistryType.FAILED),
                count(queue, RegistryType.CANCELED));
    }

    /** The counts by state name, in {@link #STATES} order. */
    Map<String, Long> byState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        long[] values = {queued, started, deferred, scheduled, finished, failed, canceled};
        for (int i = 0; i < STATES.length; i++) {
            counts.put(STATES[i], values[i]);
        }
        return counts;
    }

    /** Every job of the queue in any state. */
    long total() {
        return queued + started + deferred + scheduled + finished + failed + canceled;
    }

    private static long count(JobQueue queue, RegistryType type) {
        return queue.registry(type).count();
    }
}
