package dev.jrq.worker;

import dev.jrq.api.UnknownJobException;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.WorkerStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job's callback after its outcome is recorded (RQ's {@code on_success}, {@code on_failure},
 * {@code on_stopped}): the handler registered under the name in the job's {@code *_callback_name} field, with
 * the ended job's id and its return value or error as arguments, interrupted after its
 * {@code *_callback_timeout} (RQ's 60 s). A callback that fails is logged and recorded on the job in
 * {@code jrq_callback_error}; it never changes the job's outcome.
 */
final class CallbackRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackRunner.class);
    private static final long DEFAULT_TIMEOUT_SECONDS = 60;

    private final JobHandlers handlers;
    private final WorkerStore store;
    private final ScheduledExecutorService watchdog;

    CallbackRunner(JobHandlers handlers, WorkerStore store, ScheduledExecutorService watchdog) {
        this.handlers = handlers;
        this.store = store;
        this.watchdog = watchdog;
    }

    /** Whether the job has a callback of this kind ({@code success}, {@code failure} or {@code stopped}). */
    boolean has(ClaimedJob job, String kind) {
        return !callbackName(job, kind).isEmpty();
    }

    /** The job's {@code <kind>_callback_name}, {@code ""} when it has none. */
    private static String callbackName(ClaimedJob job, String kind) {
        // why: asked for every success; constant field names, no string built per job
        String field = switch (kind) {
            case "success" -> "success_callback_name";
            case "failure" -> "failure_callback_name";
            case "stopped" -> "stopped_callback_name";
            default -> throw new IllegalArgumentException("no callback kind '" + kind + "'");
        };
        return job.record().fields().getOrDefault(field, "");
    }

    /**
     * Runs the callback for an outcome, if the job has one.
     *
     * @param kind     {@code success}, {@code failure} or {@code stopped}: RQ's field prefix
     * @param argument the return value (success), the error text (failure), or {@code null}
     */
    void run(ClaimedJob job, String kind, Object argument) {
        String name = callbackName(job, kind);
        if (name.isEmpty()) {
            return;
        }
        Thread thread = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(thread::interrupt, timeoutSeconds(job, kind), TimeUnit.SECONDS);
        try {
            handlers.named(name).perform(new HandlerContext(job, store,
                    Collections.unmodifiableList(Arrays.asList(job.jobId(), argument)), Map.of()));
            LOG.info("{}: {} callback {} of job {} ran", job.queue(), kind, name, job.jobId());
        } catch (Throwable error) { // why: a callback is user code too; it must not take the worker down
            String reason = error instanceof UnknownJobException ? error.getMessage()
                    : error instanceof InterruptedException ? "interrupted after its timeout" : error.toString();
            LOG.warn("{}: {} callback {} of job {} failed: {}", job.queue(), kind, name, job.jobId(), reason);
            try {
                store.recordCallbackError(job.jobId(), kind + " callback " + name + " failed: " + reason);
            } catch (RuntimeException e) {
                LOG.warn("could not record the callback error of job {}: {}", job.jobId(), e.getMessage());
            }
        } finally {
            alarm.cancel(false);
            Thread.interrupted(); // why: a late alarm must not leak into the slot's next wait
        }
    }

    private static long timeoutSeconds(ClaimedJob job, String kind) {
        try {
            return Long.parseLong(job.record().fields().getOrDefault(kind + "_callback_timeout", "").trim());
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }
}
