package dev.jrq.cli;

import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.QueueCounts;
import dev.jrq.core.QueueOverview;
import dev.jrq.core.RegistryType;
import dev.jrq.core.WorkerInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code jrq info} shows at one moment: the queues with their counts, the workers (those of the named queues
 * when queues are named), and whether workers are suspended.
 *
 * @param queues    the queues, by name, or in the order named
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
     * Reads the queues {@code names} (all of {@code rq:queues} when empty) and their workers. Expired finished and
     * failed entries are dropped first, as {@code rq info} does (RQ's {@code clean_registries}).
     *
     * @throws IllegalArgumentException when a named queue is not in {@code rq:queues}
     */
    static InfoSnapshot read(JrqClient client, List<String> names) {
        List<JobQueue> shown = names.isEmpty() ? client.queues() : KnownQueues.require(client, names);
        for (JobQueue queue : shown) {
            queue.registry(RegistryType.FINISHED).cleanup();
            queue.registry(RegistryType.FAILED).cleanup();
        }
        QueueOverview overview = client.browser().overview();
        Map<String, QueueCounts> counts = overview.queues().stream()
                .collect(Collectors.toMap(QueueCounts::name, Function.identity()));
        List<String> shownNames = shown.stream().map(JobQueue::name).toList();
        List<WorkerInfo> workers = client.workers().stream()
                .filter(worker -> names.isEmpty() || worker.queues().stream().anyMatch(shownNames::contains))
                .sorted(Comparator.comparing(WorkerInfo::name)).toList();
        List<QueueCounts> queues = shownNames.stream()
                .map(name -> counts.getOrDefault(name, new QueueCounts(name, 0, 0, 0, 0, 0, 0, 0))).toList();
        return new InfoSnapshot(queues, workers, overview.suspended(), client.clock().instant());
    }

    /** The jobs of every shown queue in {@code state}, one of {@link QueueStates#STATES}. */
    long total(String state) {
        return queues.stream().mapToLong(queue -> QueueStates.of(queue).get(state)).sum();
    }

    /** Every job of every shown queue. */
    long total() {
        return queues.stream().mapToLong(QueueStates::total).sum();
    }
}
