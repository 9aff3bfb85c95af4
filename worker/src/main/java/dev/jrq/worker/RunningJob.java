package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One attempt at a job on one thread, and who gets to record its outcome: the thread when the handler returns,
 * or the watchdog when the handler outlived an interruption (its timeout, a stop or kill command) and ignored it.
 * Exactly one of them {@link #settle()}s; no interrupt reaches the thread after it has settled.
 */
final class RunningJob {
    /** Why a running handler was interrupted. */
    enum Interruption {
        TIMEOUT,
        /** RQ's {@code stop-job} command: the job ends {@code stopped}. */
        STOP,
        /** RQ's {@code kill-horse} command: the job fails (and is retried if it has retries left). */
        KILL
    }

    /** why: {@code System.nanoTime} differences are safe up to 292 years; a longer timeout is none. */
    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(365L * 100);

    private final String workerName;
    private final ClaimedJob job;
    private final Thread thread;
    private final Consumer<RunningJob> onAbandoned;
    private final long startNanos = System.nanoTime();
    /** When the handler's timeout runs out ({@link System#nanoTime}); meaningless while {@link #timed} is false. */
    private volatile long deadlineNanos;
    private volatile boolean timed;
    private boolean settled;
    private Interruption interruption;
    private volatile PendingSuccess success;

    /**
     * @param onAbandoned what its slot does when the attempt is abandoned; why a consumer of the attempt, not a
     *                    Runnable: one per slot, not one per job
     */
    RunningJob(String workerName, ClaimedJob job, Thread thread, Consumer<RunningJob> onAbandoned) {
        this.workerName = workerName;
        this.job = job;
        this.thread = thread;
        this.onAbandoned = onAbandoned;
    }

    String workerName() {
        return workerName;
    }

    ClaimedJob job() {
        return job;
    }

    long startNanos() {
        return startNanos;
    }

    /** Sets the handler's timeout, counted from the attempt's start; {@code null} for none. */
    void timeoutAfter(Duration timeout) {
        if (timeout == null || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            timed = false;
            return;
        }
        deadlineNanos = startNanos + timeout.toNanos();
        timed = true;
    }

    /** Whether the handler's timeout has run out by {@code nowNanos} ({@link System#nanoTime}). */
    boolean isOverdue(long nowNanos) {
        return timed && nowNanos - deadlineNanos >= 0;
    }

    /** The success the handler ended with, held for the slot to write; {@code null} for any other outcome. */
    PendingSuccess success() {
        return success;
    }

    void succeeded(PendingSuccess held) {
        this.success = held;
    }

    /** Tells its slot that the attempt is abandoned: its thread no longer belongs to the slot. */
    void abandoned() {
        onAbandoned.accept(this);
    }

    /**
     * Interrupts the handler for {@code reason}, unless the attempt has settled or was interrupted already.
     *
     * @return whether this call interrupted it
     */
    synchronized boolean interrupt(Interruption reason) {
        if (settled || interruption != null) {
            return false;
        }
        interruption = reason;
        thread.interrupt();
        return true;
    }

    /** Why the handler was interrupted, {@code null} when it was not. */
    synchronized Interruption interruption() {
        return interruption;
    }

    /**
     * Claims the outcome for a cold shutdown and interrupts the handler, whose own outcome will not be recorded.
     *
     * @return false when the attempt had settled already
     */
    synchronized boolean settleAndInterrupt() {
        if (settled) {
            return false;
        }
        settled = true;
        thread.interrupt();
        return true;
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
