package dev.jrq.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a worker runs.
 *
 * @param name        the worker's name; slots are named {@code name} (one slot) or {@code name.1 ... name.N}
 * @param queues      the queues to take jobs from, highest priority first
 * @param concurrency how many jobs run at once
 * @param burst       whether to exit once every queue is empty instead of waiting for more jobs
 * @param heartbeat   how often the worker renews its registration and its running jobs' leases
 */
public record WorkerOptions(String name, List<String> queues, int concurrency, boolean burst, Duration heartbeat) {

    public WorkerOptions {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains(":") || name.contains(" ")) {
            throw new IllegalArgumentException("worker name '" + name + "' must not be blank or contain ':' or spaces");
        }
        queues = List.copyOf(queues);
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one queue");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1; was " + concurrency);
        }
        heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
    }

    /** The names under which the slots register as RQ workers. */
    public List<String> slotNames() {
        if (concurrency == 1) {
            return List.of(name);
        }
        return java.util.stream.IntStream.rangeClosed(1, concurrency).mapToObj(i -> name + "." + i).toList();
    }
}
