package dev.jrq.worker;

import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.WorkerStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one claimed job: finds its handler by name, runs it behind the one guard that catches everything the
 * handler throws, and records the outcome. Nothing a job does can stop the worker.
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobHandlers handlers;
    private final WorkerStore store;

    JobRunner(JobHandlers handlers, WorkerStore store) {
        this.handlers = handlers;
        this.store = store;
    }

    /** Runs the job on the calling thread and records its outcome under {@code workerName}. */
    void run(String workerName, ClaimedJob job) {
        MDC.put("job_id", job.jobId());
        MDC.put("queue", job.queue());
        MDC.put("job_name", String.valueOf(job.jobName()));
        long start = System.nanoTime();
        try {
            LOG.info("{}: {} ({})", job.queue(), job.record().description(), job.jobId());
            Outcome outcome = perform(job);
            record(workerName, job, outcome, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            MDC.clear();
        }
    }

    private Outcome perform(ClaimedJob job) {
        if (!job.record().payload().isDecoded()) {
            return Outcome.failure("cannot run job " + job.jobId() + ": " + job.record().payload().error());
        }
        try {
            JobHandler handler = handlers.named(job.jobName());
            return Outcome.success(handler.perform(job));
        } catch (Throwable error) { // why: user code must never take the worker down, whatever it throws
            if (error instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Outcome.failure(stackTrace(error));
        }
    }

    /** The one place the outcome of a run is decided and written. */
    private void record(String workerName, ClaimedJob job, Outcome outcome, Duration took) {
        boolean written;
        if (outcome.error() == null) {
            try {
                written = store.finishSuccess(workerName, job, outcome.value(), took);
                LOG.info("{}: Job OK ({}) in {} ms", job.queue(), job.jobId(), took.toMillis());
            } catch (SerializationException e) {
                // why: a result that cannot be stored would leave the job started forever; fail it, saying why.
                written = store.finishFailure(workerName, job, "the job returned a value that the serializer "
                        + "cannot store: " + e.getMessage(), took);
                LOG.warn("{}: job {} returned an unstorable value: {}", job.queue(), job.jobId(), e.getMessage());
            }
        } else {
            written = store.finishFailure(workerName, job, outcome.error(), took);
            LOG.warn("{}: job {} failed: {}", job.queue(), job.jobId(), firstLine(outcome.error()));
        }
        if (!written) {
            // why: its lease was reaped while it ran; another worker owns the job now, so this outcome is dropped.
            LOG.warn("{}: job {} was no longer leased to {}; its outcome was not recorded", job.queue(),
                    job.jobId(), workerName);
        }
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

    private record Outcome(Object value, String error) {
        static Outcome success(Object value) {
            return new Outcome(value, null);
        }

        static Outcome failure(String error) {
            return new Outcome(null, error);
        }
    }
}
