package dev.jrq.cli;

import dev.jrq.api.JobRequest;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Puts jobs in known states through core's worker store, as a worker would, without running one. */
final class Jobs {
    static final String WORKER = "cli-test-worker";

    private Jobs() {
    }

    static List<Job> enqueue(JrqClient client, String queue, int count) {
        List<JobRequest> requests = Collections.nCopies(count, JobRequest.of("cli.echo"));
        List<Job> jobs = new ArrayList<>(count);
        for (int from = 0; from < count; from += 1000) {
            jobs.addAll(client.queue(queue).enqueueMany(requests.subList(from, Math.min(count, from + 1000))));
        }
        return jobs;
    }

    /** Registers the test worker on {@code queues} (state idle). */
    static WorkerStore register(JrqClient client, String... queues) {
        WorkerStore store = client.workerStore();
        store.register(WORKER, List.of(queues), Map.of("hostname", "box", "pid", "42", "state", "idle"));
        return store;
    }

    /** Takes the next job of {@code queue} and leaves it running. */
    static ClaimedJob start(JrqClient client, String queue) throws InterruptedException {
        return client.workerStore().take(WORKER, List.of(queue), Duration.ZERO).claimed().orElseThrow();
    }

    /** Takes {@code count} jobs of {@code queue} and fails them. */
    static void fail(JrqClient client, String queue, int count) throws InterruptedException {
        WorkerStore store = client.workerStore();
        for (int i = 0; i < count; i++) {
            ClaimedJob job = store.take(WORKER, List.of(queue), Duration.ZERO).claimed().orElseThrow();
            store.finishFailure(WORKER, job, "Traceback: boom " + i, Duration.ofMillis(1));
        }
    }

    /** Takes the next job of {@code queue} and finishes it with {@code value}. */
    static void succeed(JrqClient client, String queue, Object value) throws InterruptedException {
        WorkerStore store = client.workerStore();
        ClaimedJob job = store.take(WORKER, List.of(queue), Duration.ZERO).claimed().orElseThrow();
        store.finishSuccess(WORKER, job, value);
    }
}
