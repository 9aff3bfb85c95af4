package dev.jrq.dashboard;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerStore;
import dev.jrq.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Jobs in given states, made the way a worker makes them (through core's WorkerStore). */
final class Seed {
    static final String WORKER = "seed-worker";

    private Seed() {
    }

    /**
     * Enqueues {@code count} jobs at the front of the queue and fails each; returns their ids, oldest first. With a
     * {@link MutableClock} the failures are a second apart (the failed registry is scored by expiry, in seconds).
     */
    static List<String> failedJobs(JrqClient client, String queue, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClaimedJob job = takeNew(client, queue, JobRequest.of("reports.crash", i));
            WorkerStore.FailureOutcome outcome = client.workerStore().finishFailure(WORKER, job,
                    "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: boom " + i,
                    Duration.ofMillis(5));
            if (outcome != WorkerStore.FailureOutcome.FAILED) {
                throw new AssertionError("job not failed: " + outcome);
            }
            ids.add(job.jobId());
            if (client.clock() instanceof MutableClock clock) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        return ids;
    }

    /** Enqueues a job at the front of the queue, runs it and records {@code value} as its result. */
    static String finishedJob(JrqClient client, String queue, JobRequest request, Object value) {
        ClaimedJob job = takeNew(client, queue, request);
        if (!client.workerStore().finishSuccess(WORKER, job, value)) {
            throw new AssertionError("job not finished: " + job.jobId());
        }
        return job.jobId();
    }

    /** Enqueues a job at the front of the queue and takes it as a worker named {@code worker} would. */
    static ClaimedJob takeNew(JrqClient client, String queue, JobRequest request) {
        client.queue(queue).enqueue(request.withOptions(request.options().toBuilder().atFront(true).build()));
        try {
            return client.workerStore().take(WORKER, List.of(queue), Duration.ZERO).claimed()
                    .orElseThrow(() -> new AssertionError("nothing to take in " + queue));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JobOptions.Builder options() {
        return JobOptions.builder();
    }
}
