package dev.jrq.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduled job that a scheduler moved to its queue.
 *
 * @param jobId      the job
 * @param queue      its queue
 * @param dueAt      when it was due (RQ's score: whole seconds)
 * @param enqueuedAt when it was put on the queue
 */
public record MovedJob(String jobId, String queue, Instant dueAt, Instant enqueuedAt) {

    /** How late the job was put on its queue (zero when on time). */
    public Duration lateness() {
        Duration late = Duration.between(dueAt, enqueuedAt);
        return late.isNegative() ? Duration.ZERO : late;
    }
}
