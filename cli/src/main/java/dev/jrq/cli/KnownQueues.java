package dev.jrq.cli;

import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Queue names given on the command line, checked against {@code rq:queues}. */
final class KnownQueues {
    private KnownQueues() {
    }

    /**
     * The queues named, in the order given.
     *
     * @throws IllegalArgumentException naming the first one that is not in {@code rq:queues}, and the known ones
     */
    static List<JobQueue> require(JrqClient client, List<String> names) {
        Map<String, JobQueue> known = client.queues().stream()
                .collect(Collectors.toMap(JobQueue::name, Function.identity()));
        for (String name : names) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("unknown queue '" + name + "'; known queues: "
                        + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known.keySet()))));
            }
        }
        return names.stream().distinct().map(known::get).toList();
    }

    /** The queue named, as {@link #require(JrqClient, List)} checks it. */
    static JobQueue require(JrqClient client, String name) {
        return require(client, List.of(name)).get(0);
    }
}
