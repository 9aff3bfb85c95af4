package dev.jrq.api.spi;

import dev.jrq.api.JobContext;

/**
 * The code a job runs. A handler is registered under one name (its {@link JobName}, or else its class name),
 * listed in {@code META-INF/services/dev.jrq.api.spi.JobHandler} or bound with Guice, and created by the worker
 * through Guice, so it may have an {@code @Inject} constructor. Only registered names run: nothing is loaded
 * because a job in Redis names a class.
 *
 * <pre>{@code
 * @JobName("test_job.i_am_a_job")
 * public final class IAmAJob implements JobHandler {
 *     public Object perform(JobContext job) {
 *         return job.arg(0, Object.class);
 *     }
 * }
 * }</pre>
 *
 * <p>The return value becomes the job's result and must be JSON-friendly. A thrown exception fails the job with
 * its stack trace; it never stops the worker.
 */
public interface JobHandler {

    /** The name this handler answers to; the same as {@link #nameOf(Class)} of its class. */
    default String name() {
        return nameOf(getClass());
    }

    /** Runs the job and returns its result ({@code null} for none). */
    Object perform(JobContext job) throws Exception;

    /** The name a handler class answers to: its {@link JobName} value, or its fully qualified class name. */
    static String nameOf(Class<? extends JobHandler> handlerClass) {
        JobName annotation = handlerClass.getAnnotation(JobName.class);
        return annotation != null ? annotation.value() : handlerClass.getName();
    }
}
