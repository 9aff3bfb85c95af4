package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;

/**
 * One attempt at a job on one thread, and who gets to record its outcome: the thread when the handler returns,
 * or the watchdog when the handler outlived its timeout and ignored the interrupt. Exactly one of them
 * {@link #settle()}s; no interrupt reaches the thread after it has settled.
 */
final class RunningJob {
    private final ClaimedJob job;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private boolean settled;
    private boolean timedOut;

    RunningJob(ClaimedJob job, Thread thread) {
        this.job = job;
        this.thread = thread;
    }

    ClaimedJob job() {
        return job;
    }

    long startNanos() {
        return startNanos;
    }

    /** The timeout struck: interrupt the handler, unless the attempt has settled already. */
    synchronized void interruptForTimeout() {
        if (!settled) {
            timedOut = true;
            thread.interrupt();
        }
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    /** Claims the right to record the outcome; false when the other side has it already. */
    synchronized boolean settle() {
        if (settled) {
            return false;
        }
        settled = true;
        return true;
    }
}
