package dev.jrq.worker;

import dev.jrq.api.JobContext;
import dev.jrq.api.UnknownJobException;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.WorkerStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Runs the callback for an outcome, if the job has one.
     *
     * @param kind     {@code success}, {@code failure} or {@code stopped}: RQ's field prefix
     * @param argument the return value (success), the error text (failure), or {@code null}
     */
    void run(ClaimedJob job, String kind, Object argument) {
        String name = job.record().fields().getOrDefault(kind + "_callback_name", "");
        if (name.isEmpty()) {
            return;
        }
        Thread thread = Thread.currentThread();
        ScheduledFuture<?> alarm = watchdog.schedule(thread::interrupt, timeoutSeconds(job, kind), TimeUnit.SECONDS);
        try {
            handlers.named(name).perform(new CallbackContext(job, store, Arrays.asList(job.jobId(), argument)));
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

    /** What a callback sees: the ended job, with the callback's own arguments. */
    private static final class CallbackContext implements JobContext {
        private static final com.fasterxml.jackson.databind.ObjectMapper CONVERTER =
                new com.fasterxml.jackson.databind.ObjectMapper();
        private final HandlerContext job;
        private final List<Object> args;

        CallbackContext(ClaimedJob ended, WorkerStore store, List<Object> args) {
            this.job = new HandlerContext(ended, store);
            this.args = java.util.Collections.unmodifiableList(args);
        }

        @Override
        public String jobId() {
            return job.jobId();
        }

        @Override
        public String queue() {
            return job.queue();
        }

        @Override
        public String jobName() {
            return job.jobName();
        }

        @Override
        public List<Object> args() {
            return args;
        }

        @Override
        public Map<String, Object> kwargs() {
            return Map.of();
        }

        @Override
        public Map<String, Object> meta() {
            return job.meta();
        }

        @Override
        public void saveMeta(Map<String, Object> meta) {
            job.saveMeta(meta);
        }

        @Override
        public <T> T arg(int index, Class<T> type) {
            if (index < 0 || index >= args.size()) {
                throw new IllegalArgumentException("a callback has 2 arguments (job id, result or error); argument "
                        + index + " was asked for");
            }
            return CONVERTER.convertValue(args.get(index), type);
        }

        @Override
        public <T> T kwarg(String name, Class<T> type, T fallback) {
            return fallback;
        }
    }
}
