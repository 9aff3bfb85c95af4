package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import dev.jrq.core.WorkerStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job at a time: take a job (blocking in Redis while the queues are empty), run it, record it, repeat until
 * told to stop, or, in burst mode, until every queue is empty. Shows in {@code rq:workers} as one RQ worker.
 */
final class WorkerSlot implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSlot.class);
    /** why: bounded so that a stop or a suspension is noticed within a second even by an idle slot. */
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final String name;
    private final WorkerOptions options;
    private final WorkerStore store;
    private final JobRunner runner;
    private final Map<String, String> running;
    private final Consumer<WorkerSlot> replaceAbandoned;
    private final JobBudget budget;
    private volatile boolean stopping;
    private volatile boolean cold;
    private volatile boolean busy;
    private volatile RunningJob current;
    /** Whether the last finish asked for the next job and found every queue empty. */
    private boolean finishSawEmpty;

    /**
     * @param running          the worker's running jobs (id to queue), renewed by its heartbeat
     * @param replaceAbandoned called when this slot's thread is left behind in a handler that ignored its timeout
     * @param budget           the jobs the worker may still take (shared by its slots)
     */
    WorkerSlot(String name, WorkerOptions options, WorkerStore store, JobRunner runner, Map<String, String> running,
               Consumer<WorkerSlot> replaceAbandoned, JobBudget budget) {
        this.budget = budget;
        this.name = name;
        this.options = options;
        this.store = store;
        this.runner = runner;
        this.running = running;
        this.replaceAbandoned = replaceAbandoned;
    }

    String name() {
        return name;
    }

    /** Whether the slot is running a job now. */
    boolean isBusy() {
        return busy;
    }

    /** The attempt running now, {@code null} when idle. */
    RunningJob current() {
        return current;
    }

    /** Asks the slot to stop after its current job (if any). */
    void stop() {
        stopping = true;
    }

    /**
     * A cold stop: the slot runs nothing more; a job it has taken but not begun to run, it puts back at the front
     * of its queue (the worker does the same for the job running now).
     */
    void stopCold() {
        cold = true;
        stopping = true;
    }

    /** Puts a job this slot holds back at the front of its queue, its interrupted attempt recorded. */
    void requeueCold(ClaimedJob job) {
        try {
            store.requeueRunning(name, job, "dev.jrq.ColdShutdown: worker " + name + " was shut down cold while "
                    + "the job ran; the job was put back at the front of " + job.queue());
            running.remove(job.jobId());
        } catch (RuntimeException e) {
            LOG.error("could not requeue job {}: {} (its lease will run out and the reaper will move it on)",
                    job.jobId(), e.getMessage());
        }
    }

    @Override
    public void run() {
        List<String> queues = options.queues();
        String state = "";
        int lastTaken = -1;
        long idleSince = System.nanoTime();
        WorkerStore.Take pending = WorkerStore.Take.NOTHING; // a job the last success's write took already
        while (!stopping || pending.job() != null) {
            try {
                WorkerStore.Take take = pending;
                pending = WorkerStore.Take.NOTHING;
                if (take.job() == null) {
                    if (!budget.reserve()) {
                        LOG.info("worker {}: the worker's --max-jobs are done; stopping", name);
                        break;
                    }
                    take = store.take(name, options.strategy().order(queues, lastTaken),
                            options.burst() ? Duration.ZERO : BLOCK, finishSawEmpty);
                    finishSawEmpty = false;
                }
                if (take.job() == null) {
                    budget.release();
                    state = setState(state, take.suspended() ? "suspended" : "idle");
                    if (options.burst() || idleTooLong(idleSince)) {
                        break;
                    }
                    if (take.suspended()) {
                        Thread.sleep(BLOCK.toMillis()); // why: RQ's suspension has no event to wait on
                    }
                    continue;
                }
                lastTaken = queues.indexOf(take.job().queue());
                int taken = lastTaken;
                pending = run(take.job(), () -> nextQueues(queues, taken));
                state = "idle"; // why: the take script set busy and the finish script idle
                idleSince = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // why: Redis unreachable or a bug in a step; wait a moment and go on rather than die
                LOG.error("worker {}: {}; retrying in 1 s", name, e.getMessage(), e);
                if (!pause()) {
                    break;
                }
            }
        }
    }

    /**
     * The queues the finish of a job may take the next one from, reserving it from the budget: none when the slot
     * is stopping or the budget is spent.
     */
    private List<String> nextQueues(List<String> queues, int lastTaken) {
        if (stopping || !budget.reserve()) {
            return List.of();
        }
        return options.strategy().order(queues, lastTaken);
    }

    private boolean idleTooLong(long idleSinceNanos) {
        Duration limit = options.maxIdleTime();
        if (limit != null && System.nanoTime() - idleSinceNanos >= limit.toNanos()) {
            LOG.info("worker {}: idle for {} s (--max-idle-time); stopping", name, limit.toSeconds());
            return true;
        }
        return false;
    }

    /**
     * Runs a job; returns the next job its finish took (already started, with a budget reservation), or
     * {@code NOTHING} (and the reservation, if any, given back).
     */
    private WorkerStore.Take run(ClaimedJob job, java.util.function.Supplier<List<String>> nextQueues) {
        busy = true;
        running.put(job.jobId(), job.queue());
        RunningJob attempt = new RunningJob(name, job, Thread.currentThread(), () -> {
            running.remove(job.jobId());
            stopping = true; // why: this thread is stuck in user code; a fresh slot takes over the name
            replaceAbandoned.accept(this);
        });
        boolean[] reserved = {false};
        attempt.takeNextFrom(() -> {
            List<String> queues = nextQueues.get();
            reserved[0] = !queues.isEmpty();
            return queues;
        });
        current = attempt;
        if (cold && attempt.settleAndInterrupt()) {
            // why: a cold stop came while this job was being taken; it goes back to its queue, not run
            Thread.interrupted();
            current = null;
            busy = false;
            requeueCold(job);
            return WorkerStore.Take.NOTHING;
        }
        boolean kept = false;
        try {
            kept = runner.run(attempt);
        } finally {
            current = null;
            if (kept) {
                running.remove(job.jobId());
            }
            busy = false;
        }
        WorkerStore.Take next = kept ? attempt.next() : WorkerStore.Take.NOTHING;
        finishSawEmpty = reserved[0] && kept && next == WorkerStore.Take.NOTHING;
        if (next.job() == null && reserved[0]) {
            budget.release();
        }
        if (next.job() != null) {
            running.put(next.job().jobId(), next.job().queue());
        }
        return next;
    }

    private String setState(String current, String wanted) {
        if (!wanted.equals(current)) {
            store.setState(name, wanted);
        }
        return wanted;
    }

    private boolean pause() {
        try {
            Thread.sleep(BLOCK.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
