package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import dev.jrq.core.WorkerStore;
import java.time.Duration;

/**
 * A job that succeeded and whose success its slot has not written yet: the slot writes it with its next call to
 * Redis ({@link WorkerStore#finishMany}), together with the successes of the other jobs it ran since.
 *
 * @param write       the job with its value as the job's result is stored ({@link WorkerStore#encodeResult}), as
 *                    {@link WorkerStore#finishMany} writes it
 * @param value       what its handler returned (for its success callback)
 * @param took        how long the handler ran
 * @param hasCallback whether the job has a success callback, which runs once the success is written
 * @param endedNanos  when the handler returned ({@link System#nanoTime()})
 */
record PendingSuccess(WorkerStore.Success write, Object value, Duration took, boolean hasCallback, long endedNanos) {

    ClaimedJob job() {
        return write.job();
    }
}
