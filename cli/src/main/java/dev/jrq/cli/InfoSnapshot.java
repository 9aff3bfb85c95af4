package dev.jrq.cli;

import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code jrq info} shows at one moment: the queues with their counts, the workers (those of the named queues
 * when queues are named), and whether workers are suspended.
 *
 * @param queues    the queues, by name
 * @param workers   the workers, by name
 * @param suspended whether {@code rq:suspended} is set
 * @param takenAt   when it was read
 */
record InfoSnapshot(List<QueueCounts> queues, List<WorkerInfo> workers, boolean suspended, Instant takenAt) {

    InfoSnapshot {
        queues = List.copyOf(queues);
        workers = List.copyOf(workers);
    }

    /**
     * Reads the queues {@code names} (all of {@code rq:queues} when empty) and their workers.
     *
     * @throws IllegalArgumentException when a named queue is not in {@code rq:queues}
     */
    static InfoSnapshot read(JrqClient client, List<String> names) {
        List<JobQueue> queues = names.isEmpty() ? client.queues() : KnownQueues.require(client, names);
        Set<String> shown = new TreeSet<>();
        queues.forEach(queue -> shown.add(queue.name()));
        List<WorkerInfo> workers = client.workers().stream()
                .filter(worker -> names.isEmpty() || worker.queues().stream().anyMatch(shown::contains))
                .sorted(Comparator.comparing(WorkerInfo::name)).toList();
        return new InfoSnapshot(queues.stream().map(QueueCounts::read).toList(), workers,
                client.workerControl().isSuspended(), client.clock().instant());
    }

    /** The jobs of every shown queue in state {@code index} of {@link QueueCounts#STATES}. */
    long total(String state) {
        return queues.stream().mapToLong(queue -> queue.byState().get(state)).sum();
    }

    /** Every job of every shown queue. */
    long total() {
        return queues.stream().mapToLong(QueueCounts::total).sum();
    }
}
