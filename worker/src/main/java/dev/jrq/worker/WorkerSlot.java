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
 *
 * <p>A slot whose jobs are short takes several per call and writes their successes with its next take
 * ({@link HeldJobs}): one round trip serves many jobs. Their {@code started_at} is when they were taken and their
 * {@code ended_at} when their success was written, each within about 2 ms of work of the real moment (the sweeper
 * bounds the second at 50 ms behind a long job). On a stop it writes the successes it holds and gives the
 * jobs it took ahead back to the front of their queues. After a crash, those jobs are still leased to the slot,
 * and the reaper moves them on when their lease runs out (failed as abandoned, or retried when they have retries
 * left), as it does the job that was running: held jobs are never lost, but one whose success was not written yet
 * is reported failed although it ran (at least once, as after any crash before a finish is written).
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
    /** Jobs taken ahead and successes not written yet. */
    private final HeldJobs held = new HeldJobs();
    /** The slot's last job was the last one queued: its next call is its finish with its next wait. */
    private boolean waitAfterFinish;
    /** why a field: one per slot, not one per job ({@link #abandoned}) */
    private final Consumer<RunningJob> onAbandoned = this::abandoned;

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

    /** How long an idle slot waits in Redis for a job ({@link WorkerStore#take}): not at all in burst mode. */
    static Duration waitBlock(WorkerOptions options) {
        return options.burst() ? Duration.ZERO : BLOCK;
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

    /** Puts a job this slot was running back at the front of its queue, its interrupted attempt recorded. */
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
        try {
            while (!stopping) {
                try {
                    ClaimedJob job = held.nextAhead();
                    if (job == null) {
                        WorkerStore.Take take = takeMore(options.strategy().order(queues, lastTaken));
                        if (take == null) {
                            LOG.info("worker {}: the worker's --max-jobs are done; stopping", name);
                            break;
                        }
                        job = take.job();
                        if (job == null) {
                            state = setState(state, take.suspended() ? "suspended" : "idle");
                            if (options.burst() || idleTooLong(idleSince)) {
                                break;
                            }
                            if (take.suspended()) {
                                Thread.sleep(BLOCK.toMillis()); // why: RQ's suspension has no event to wait on
                            }
                            continue;
                        }
                    }
                    lastTaken = queues.indexOf(job.queue());
                    run(job);
                    state = "idle"; // why: the take scripts set busy, and idle when they find nothing
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
        } finally {
            release();
        }
    }

    /**
     * Writes the successes held and takes the next jobs in the same call, as many as {@link HeldJobs#aheadTarget()}
     * (reserved from the budget); when that finds every queue empty, waits for a job (BLPOP) as RQ does. Returns
     * the first job taken (the others are held ahead), nothing or suspended, or {@code null} when the budget is
     * spent.
     */
    private WorkerStore.Take takeMore(List<String> order) throws InterruptedException {
        if (waitAfterFinish) {
            return finishThenWait(order.get(0));
        }
        int reserved = budget.reserveUpTo(held.aheadTarget());
        if (reserved == 0) {
            writeSuccesses(false);
            return null;
        }
        List<PendingSuccess> successes = held.takeSuccesses();
        WorkerStore.Batch batch;
        try {
            // why: RQ's round_robin and random take one job per search; a batch takes one per queue in turn
            boolean rotate = options.strategy() != DequeueStrategy.DEFAULT;
            batch = runner.recordSuccesses(name, successes, order, reserved, false, rotate, true);
        } catch (RuntimeException e) {
            budget.release(reserved);
            throw e;
        }
        forget(successes);
        List<ClaimedJob> taken = batch.taken();
        budget.release(reserved - taken.size());
        if (!taken.isEmpty()) {
            taken.forEach(job -> running.put(job.jobId(), job.queue()));
            held.addAhead(taken.subList(1, taken.size()));
            return new WorkerStore.Take(taken.get(0), false);
        }
        if (batch.suspended()) {
            return WorkerStore.Take.SUSPENDED;
        }
        if (!budget.reserve()) {
            return null;
        }
        // why: the call above found every queue empty a moment ago; wait in Redis for the next push
        WorkerStore.Take take = store.take(name, order, waitBlock(options), true);
        return tookFromWait(take);
    }

    /**
     * The slot's last job was the last one its one queue held: writes the successes held and waits for the next job
     * in one round trip ({@link WorkerStore#finishThenWait}), or only waits when it holds none. When jobs arrive
     * faster than one at a time, the take says so ({@code queueLeftEmpty} false) and the slot goes back to
     * {@link #takeMore}'s calls, which take several jobs and share a call with the other slots.
     */
    private WorkerStore.Take finishThenWait(String queue) throws InterruptedException {
        if (!budget.reserve()) {
            writeSuccesses(false);
            return null;
        }
        List<PendingSuccess> successes = held.takeSuccesses();
        WorkerStore.Take take;
        try {
            if (successes.isEmpty()) {
                take = store.take(name, List.of(queue), BLOCK, true);
            } else {
                WorkerStore.FinishedThenTaken done = runner.recordSuccessesThenWait(name, successes, queue, BLOCK);
                if (done.recorded() == null) {
                    // why: the finish's own error (the wait went on); they are written with the slot's next call
                    held.returnSuccesses(successes);
                    LOG.warn("worker {}: could not write {} success(es) yet: {}", name, successes.size(),
                            done.finishError().getMessage());
                } else {
                    forget(successes);
                }
                take = done.take();
            }
        } catch (InterruptedException | RuntimeException e) {
            // why: they were sent and may have been written; written again, they show as fenced, never twice
            budget.release(1);
            held.returnSuccesses(successes);
            waitAfterFinish = false;
            throw e;
        }
        return tookFromWait(take);
    }

    /** Books what a blocking wait took, and whether the slot's next call is its finish with its next wait. */
    private WorkerStore.Take tookFromWait(WorkerStore.Take take) {
        if (take.job() == null) {
            budget.release(1);
            // why: a wait that timed out saw the queue empty; the next one goes straight to waiting again
            waitAfterFinish = waitAfterFinish && !take.suspended();
        } else {
            running.put(take.job().jobId(), take.job().queue());
            waitAfterFinish = take.queueLeftEmpty();
        }
        return take;
    }

    /** An attempt of this slot was abandoned: its thread is stuck in user code; a fresh slot takes over the name. */
    private void abandoned(RunningJob attempt) {
        running.remove(attempt.job().jobId());
        stopping = true;
        release();
        replaceAbandoned.accept(this);
    }

    /** Runs a job; its success is held, to be written with the slot's next call (at once when it has a callback). */
    private void run(ClaimedJob job) {
        busy = true;
        RunningJob attempt = new RunningJob(name, job, Thread.currentThread(), onAbandoned);
        current = attempt;
        if (cold && attempt.settleAndInterrupt()) {
            // why: a cold stop came before this job began; it is given back with the jobs taken ahead (release),
            // queued as before, first in its queue, with no attempt recorded: it never ran
            Thread.interrupted();
            current = null;
            busy = false;
            held.returnAhead(job);
            return;
        }
        boolean kept = false;
        try {
            kept = runner.run(attempt);
        } finally {
            current = null;
            busy = false;
        }
        if (!kept) {
            return;
        }
        PendingSuccess success = attempt.success();
        if (success == null) {
            running.remove(job.jobId());
            return;
        }
        held.ran(success.took());
        held.addSuccess(success);
        if (success.hasCallback()) {
            writeSuccesses(true); // why: its callback runs once its success is written
        }
    }

    /**
     * Writes the successes held (sweeper: those held for {@code age} or more), taking no job. Called by the
     * worker's sweeper while the slot runs a long job, so that the jobs before it do not wait for it to be shown
     * finished; a write that fails keeps them for the slot's next call.
     */
    void writeSuccessesOlderThan(Duration age) {
        List<PendingSuccess> stale = held.takeSuccessesOlderThan(age);
        if (stale.isEmpty()) {
            return;
        }
        try {
            runner.recordSuccesses(name, stale, List.of(), 0, true, false, false);
            forget(stale);
        } catch (RuntimeException e) {
            held.returnSuccesses(stale);
            LOG.warn("worker {}: could not write {} success(es) yet: {}", name, stale.size(), e.getMessage());
        }
    }

    /** Writes the successes held, taking no job; the slot's hash is shown idle unless {@code stillBusy}. */
    private void writeSuccesses(boolean stillBusy) {
        List<PendingSuccess> successes = held.takeSuccesses();
        if (!successes.isEmpty()) {
            runner.recordSuccesses(name, successes, List.of(), 0, stillBusy, false, true);
            forget(successes);
        }
    }

    /**
     * Writes the successes held and gives back the jobs taken ahead, to the front of their queues: the slot is
     * stopping, stopped cold, or abandoned in a stuck handler. Safe from any thread, and more than once.
     */
    void release() {
        try {
            writeSuccesses(busy);
        } catch (RuntimeException e) {
            LOG.error("worker {}: could not write the successes it held: {} (the reaper will move their jobs on "
                    + "when their lease runs out)", name, e.getMessage());
        }
        List<ClaimedJob> ahead = held.takeAhead();
        if (ahead.isEmpty()) {
            return;
        }
        try {
            int given = store.giveBack(name, ahead);
            LOG.info("worker {}: gave back {} job(s) it had taken ahead", name, given);
        } catch (RuntimeException e) {
            LOG.error("worker {}: could not give back {} job(s) taken ahead: {} (the reaper will move them on when "
                    + "their lease runs out)", name, ahead.size(), e.getMessage());
        }
        ahead.forEach(job -> running.remove(job.jobId()));
        budget.release(ahead.size());
    }

    private void forget(List<PendingSuccess> written) {
        written.forEach(success -> running.remove(success.job().jobId()));
    }

    private boolean idleTooLong(long idleSinceNanos) {
        Duration limit = options.maxIdleTime();
        if (limit != null && System.nanoTime() - idleSinceNanos >= limit.toNanos()) {
            LOG.info("worker {}: idle for {} s (--max-idle-time); stopping", name, limit.toSeconds());
            return true;
        }
        return false;
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
