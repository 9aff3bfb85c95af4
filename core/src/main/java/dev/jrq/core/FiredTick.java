package dev.jrq.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One tick of a recurring schedule that a scheduler enqueued.
 *
 * @param schedule the schedule's name
 * @param queue    the queue the job went to
 * @param jobId    the job enqueued ({@code <schedule>-<tick epoch seconds>})
 * @param tick     the time the tick was due
 * @param firedAt  when it was enqueued
 */
public record FiredTick(String schedule, String queue, String jobId, Instant tick, Instant firedAt) {

    /** How late the tick was enqueued (zero when on time or early). */
    public Duration lateness() {
        Duration late = Duration.between(tick, firedAt);
        return late.isNegative() ? Duration.ZERO : late;
    }
}
