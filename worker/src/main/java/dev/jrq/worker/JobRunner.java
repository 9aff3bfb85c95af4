package dev.jrq.worker;

import dev.jrq.api.JobOptions;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.WorkerStore;
import dev.jrq.core.WorkerStore.FailureOutcome;
import dev.jrq.worker.RunningJob.Interruption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one claimed job: finds its handler by name, runs it behind the one guard that catches everything the
 * handler throws, enforces its timeout, and records the outcome: a failure at once, a success held on the attempt
 * for its slot to write with its next call ({@link #recordSuccesses}). Nothing a job does can stop the worker: a
 * handler past its timeout is interrupted, and one that ignores the interrupt is abandoned (its job recorded
 * failed, its slot given a fresh thread).
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    /** RQ's default job timeout, for jobs that store none. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    private final JobHandlers handlers;
    private final WorkerStore store;
    private final ScheduledExecutorService watchdog;
    private final Duration abandonGrace;
    private final WorkerMetrics metrics;
    private final CallbackRunner callbacks;
    private final SlotTallies tallies;

    JobRunner(JobHandlers handlers, WorkerStore store, ScheduledExecutorService watchdog, Duration abandonGrace,
              WorkerMetrics metrics, SlotTallies tallies) {
        this.tallies = tallies;
        this.handlers = handlers;
        this.store = store;
        this.watchdog = watchdog;
        this.abandonGrace = abandonGrace;
        this.metrics = metrics;
        this.callbacks = new CallbackRunner(handlers, store, watchdog);
    }

    /**
     * Runs the attempt on the calling thread and records its outcome.
     *
     * @return false when the attempt was abandoned: the calling thread no longer belongs to its slot
     */
    boolean run(RunningJob attempt) {
        ClaimedJob job = attempt.job();
        MDC.put("job_id", job.jobId());
        MDC.put("queue", job.queue());
        MDC.put("job_name", String.valueOf(job.jobName()));
        try {
            LOG.debug("{}: {} ({})", job.queue(), job.record().description(), job.jobId());
            metrics.jobStarted(job);
            // why: the worker's timeout check interrupts it when overdue (interruptIfOverdue); no timer per job
            attempt.timeoutAfter(timeoutOf(job));
            Outcome outcome = perform(job);
            if (!attempt.settle()) {
                return false;
            }
            Thread.interrupted(); // why: an interruption must not leak into the slot's next wait
            if (attempt.interruption() != null) {
                outcome = Outcome.interrupted(attempt.interruption(), describe(attempt.interruption(), job, ""));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - attempt.startNanos());
            if (outcome.error() == null && outcome.interruption() == null) {
                Outcome unstorable = holdSuccess(attempt, outcome.value(), took);
                if (unstorable == null) {
                    return true; // why: the slot writes it with its next call (recordSuccesses)
                }
                outcome = unstorable;
            }
            String ended = record(attempt.workerName(), job, outcome, took);
            runCallback(job, ended, outcome);
            return true;
        } finally {
            MDC.clear();
        }
    }

    /** Interrupts the attempt for its timeout if it has run out by {@code nowNanos}; see {@link #interrupt}. */
    void interruptIfOverdue(RunningJob attempt, long nowNanos) {
        if (attempt.isOverdue(nowNanos)) {
            interrupt(attempt, Interruption.TIMEOUT);
        }
    }

    /**
     * Interrupts a running attempt (its timeout, or a stop or kill command); a handler that ignores the interrupt
     * is abandoned after the grace period.
     */
    void interrupt(RunningJob attempt, Interruption reason) {
        if (attempt.interrupt(reason)) {
            watchdog.schedule(() -> abandon(attempt), abandonGrace.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Outcome perform(ClaimedJob job) {
        if (!job.record().payload().isDecoded()) {
            return Outcome.failure("cannot run job " + job.jobId() + ": " + job.record().payload().error());
        }
        try {
            JobHandler handler = handlers.named(job.jobName());
            return Outcome.success(handler.perform(new HandlerContext(job, store)));
        } catch (Throwable error) { // why: user code must never take the worker down, whatever it throws
            return Outcome.failure(stackTrace(error));
        }
    }

    private void abandon(RunningJob attempt) {
        if (!attempt.settle()) {
            return;
        }
        ClaimedJob job = attempt.job();
        LOG.error("{}: job {} ignored its interrupt ({}) for {} ms; abandoning its thread", job.queue(), job.jobId(),
                attempt.interruption(), abandonGrace.toMillis());
        try {
            record(attempt.workerName(), job, Outcome.interrupted(attempt.interruption(), describe(
                    attempt.interruption(), job, "; the handler ignored the interrupt and was abandoned")),
                    Duration.ofNanos(System.nanoTime() - attempt.startNanos()));
        } finally {
            attempt.abandoned();
        }
    }

    /**
     * Holds a success on the attempt for its slot to write; returns {@code null}, or, when the value cannot be
     * stored, the failure to record instead.
     */
    private Outcome holdSuccess(RunningJob attempt, Object value, Duration took) {
        ClaimedJob job = attempt.job();
        try {
            attempt.succeeded(new PendingSuccess(new WorkerStore.Success(job, store.encodeResult(value)), value, took,
                    callbacks.has(job, "success"), System.nanoTime()));
            return null;
        } catch (SerializationException e) {
            // why: a result that cannot be stored would leave the job started forever; fail it, saying why.
            return Outcome.failure("the job returned a value that the serializer cannot store: " + e.getMessage());
        }
    }

    /**
     * Writes a slot's held successes and takes up to {@code wanted} next jobs for it in the same call
     * ({@link WorkerStore#finishMany(String, List, List, int, boolean, boolean)}, whose {@code slotStillBusy} and
     * {@code rotate} these are); then counts each success (metrics, the slot's RQ counters) and runs its success
     * callback. With {@code retry}, tries again while Redis cannot be reached, as every outcome write does (taking
     * nothing on a retry: jobs a lost reply took stay leased to the slot until the reaper moves them on); without,
     * the caller keeps the successes when the write fails.
     */
    WorkerStore.Batch recordSuccesses(String workerName, List<PendingSuccess> successes, List<String> takeQueues,
                                      int wanted, boolean slotStillBusy, boolean rotate, boolean retry) {
        List<WorkerStore.Success> writes = successes.stream().map(PendingSuccess::write).toList();
        boolean[] firstTry = {true};
        java.util.function.Supplier<WorkerStore.Batch> write = () -> {
            int take = firstTry[0] ? wanted : 0;
            firstTry[0] = false;
            return store.finishMany(workerName, writes, takeQueues, take, slotStillBusy, rotate);
        };
        WorkerStore.Batch batch = retry && !successes.isEmpty() ? untilWritten(successes.get(0).job(), write)
                : write.get();
        book(workerName, successes, batch.recorded());
        return batch;
    }

    /**
     * Writes a slot's held successes in front of its wait for the next job of {@code queue}, in one round trip
     * ({@link WorkerStore#finishThenWait}); then counts each success written, as {@link #recordSuccesses} does. The
     * successes must have no success callback (a slot writes those at once). When the finish failed
     * ({@link WorkerStore.FinishedThenTaken#recorded()} is {@code null}), nothing is counted and the caller keeps
     * the successes.
     */
    WorkerStore.FinishedThenTaken recordSuccessesThenWait(String workerName, List<PendingSuccess> successes,
                                                          String queue, Duration block) throws InterruptedException {
        List<WorkerStore.Success> writes = successes.stream().map(PendingSuccess::write).toList();
        WorkerStore.FinishedThenTaken done = store.finishThenWait(workerName, writes, queue, block);
        if (done.recorded() != null) {
            book(workerName, successes, done.recorded());
        }
        return done;
    }

    /** Counts each success (metrics, the slot's RQ counters) and runs its success callback; see recordSuccesses. */
    private void book(String workerName, List<PendingSuccess> successes, List<Boolean> recorded) {
        for (int i = 0; i < successes.size(); i++) {
            PendingSuccess success = successes.get(i);
            ClaimedJob job = success.job();
            String ended = recorded.get(i) ? "finished" : logFenced(workerName, job);
            if (ended.equals("finished")) {
                LOG.debug("{}: Job OK ({}) in {} ms", job.queue(), job.jobId(), success.took().toMillis());
            }
            metrics.jobEnded(job, ended, success.took());
            tallies.record(workerName, ended, success.took());
            if (success.hasCallback()) {
                runCallback(job, ended, Outcome.success(success.value()));
            }
        }
    }

    /** Writes an outcome other than a held success and returns its metric label. */
    private String record(String workerName, ClaimedJob job, Outcome outcome, Duration took) {
        String ended = write(workerName, job, outcome, took);
        metrics.jobEnded(job, ended, took);
        tallies.record(workerName, ended, took);
        return ended;
    }

    /** RQ's callbacks: on success, on each failed attempt, on a stop; none when the outcome was fenced off. */
    private void runCallback(ClaimedJob job, String ended, Outcome outcome) {
        switch (ended) {
            case "finished" -> callbacks.run(job, "success", outcome.value());
            case "failed", "retried" -> callbacks.run(job, "failure", outcome.error());
            case "stopped" -> callbacks.run(job, "stopped", null);
            default -> { }
        }
    }

    private String write(String workerName, ClaimedJob job, Outcome outcome, Duration took) {
        if (outcome.interruption() == Interruption.STOP) {
            // why: a user stopped it; RQ ends such a job 'stopped', in the failed registry, never retried
            if (untilWritten(job, () -> store.finishStopped(workerName, job, took)) == FailureOutcome.FENCED) {
                return logFenced(workerName, job);
            }
            LOG.warn("{}: job {} stopped by request", job.queue(), job.jobId());
            return "stopped";
        }
        String error = outcome.error();
        FailureOutcome failure = untilWritten(job, () -> store.finishFailure(workerName, job, error, took));
        return switch (failure) {
            case FENCED -> logFenced(workerName, job);
            case FAILED -> {
                LOG.warn("{}: job {} failed: {}", job.queue(), job.jobId(), firstLine(outcome.error()));
                yield "failed";
            }
            case REQUEUED, SCHEDULED -> {
                LOG.warn("{}: job {} failed and will be retried ({}): {}", job.queue(), job.jobId(),
                        failure == FailureOutcome.REQUEUED ? "queued" : "scheduled", firstLine(outcome.error()));
                yield "retried";
            }
        };
    }

    /**
     * Runs a write of the job's outcome, trying again every half second while Redis cannot be reached, for as long
     * as the job's lease lasts: the outcome survives a Redis restart or a dropped connection. After that the
     * reaper of some worker moves the job on, and this outcome is given up.
     */
    private <T> T untilWritten(ClaimedJob job, java.util.function.Supplier<T> write) {
        long deadline = System.nanoTime() + store.lease().toNanos();
        while (true) {
            try {
                return write.get();
            } catch (SerializationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warn("{}: cannot record job {} yet ({}); trying again", job.queue(), job.jobId(), e.getMessage());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String logFenced(String workerName, ClaimedJob job) {
        // why: its lease was reaped while it ran; the job was moved on already, so this outcome is dropped.
        LOG.warn("{}: job {} was no longer leased to {}; its outcome was not recorded", job.queue(), job.jobId(),
                workerName);
        return "fenced";
    }

    /** The job's timeout, RQ's 180 s when it stores none, {@code null} for none ({@code -1}). */
    private static Duration timeoutOf(ClaimedJob job) {
        Duration timeout = job.record().timeout();
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        return timeout.equals(JobOptions.FOREVER) || timeout.isNegative() ? null : timeout;
    }

    private static String describe(Interruption interruption, ClaimedJob job, String more) {
        return switch (interruption) {
            case TIMEOUT -> "dev.jrq.JobTimeoutException: Task exceeded maximum timeout value ("
                    + timeoutOf(job).toSeconds() + " seconds)" + more;
            case STOP -> "Job stopped by user, work-horse terminated." + more;
            case KILL -> "dev.jrq.JobKilledException: the job was killed by a kill-horse command" + more;
        };
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private record Outcome(Object value, String error, Interruption interruption) {
        static Outcome success(Object value) {
            return new Outcome(value, null, null);
        }

        static Outcome failure(String error) {
            return new Outcome(null, error, null);
        }

        static Outcome interrupted(Interruption interruption, String error) {
            return new Outcome(null, error, interruption);
        }
    }
}
