package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;

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

    private final String workerName;
    private final ClaimedJob job;
    private final Thread thread;
    private final Runnable onAbandoned;
    private final long startNanos = System.nanoTime();
    private boolean settled;
    private Interruption interruption;
    private volatile java.util.function.Supplier<java.util.List<String>> nextQueues = java.util.List::of;
    private volatile dev.jrq.core.WorkerStore.Take next = dev.jrq.core.WorkerStore.Take.NOTHING;

    RunningJob(String workerName, ClaimedJob job, Thread thread, Runnable onAbandoned) {
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

    /**
     * Where the slot's next job may come from when this one succeeds: asked when the success is written, so that
     * the same call takes the next job (an empty list when the slot is stopping or may take no more).
     */
    void takeNextFrom(java.util.function.Supplier<java.util.List<String>> queues) {
        this.nextQueues = queues;
    }

    java.util.List<String> nextQueues() {
        return nextQueues.get();
    }

    /** The job the success's write took for the slot, already started; {@code NOTHING} when none. */
    dev.jrq.core.WorkerStore.Take next() {
        return next;
    }

    void next(dev.jrq.core.WorkerStore.Take taken) {
        this.next = taken;
    }

    /** Called when the attempt is abandoned: its thread no longer belongs to its slot. */
    Runnable onAbandoned() {
        return onAbandoned;
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
