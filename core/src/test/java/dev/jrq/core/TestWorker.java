package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/** A worker slot driven by hand: takes the next job and records an outcome, as the worker module would. */
final class TestWorker {
    static final String NAME = "test-worker";

    private final WorkerStore store;
    private final List<String> queues;

    TestWorker(JrqClient client, String... queues) {
        this.store = client.workerStore();
        this.queues = List.of(queues);
    }

    WorkerStore store() {
        return store;
    }

    /** Takes the next job without blocking; fails the test when there is none. */
    ClaimedJob take() {
        try {
            return store.take(NAME, queues, Duration.ZERO).claimed()
                    .orElseThrow(() -> new AssertionError("no job to take"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Takes the next job and records that it returned {@code value}. */
    ClaimedJob succeed(Object value) {
        ClaimedJob job = take();
        assertThat(store.finishSuccess(NAME, job, value)).isTrue();
        return job;
    }

    /** Takes the next job and records that it failed with {@code error}. */
    ClaimedJob fail(String error) {
        ClaimedJob job = take();
        assertThat(store.finishFailure(NAME, job, error, Duration.ofMillis(5))).isEqualTo(WorkerStore.FailureOutcome.FAILED);
        return job;
    }
}
