package dev.jrq.api;

import java.util.List;
import java.util.Map;

/**
 * What a running handler knows about its job. Arguments arrive as JSON values (strings, numbers, booleans,
 * {@code null}, lists, maps); {@link #arg(int, Class)} converts one to the type the handler wants.
 *
 * <pre>{@code
 * public Object perform(JobContext job) {
 *     String to = job.arg(0, String.class);
 *     int retries = job.kwarg("retries", Integer.class, 3);
 *     return "sent to " + to + " by job " + job.jobId();
 * }
 * }</pre>
 */
public interface JobContext {

    /** The job's id, as in {@code rq:job:<id>}. */
    String jobId();

    /** The queue the job was taken from. */
    String queue();

    /** The name the job was enqueued under. */
    String jobName();

    /** Positional arguments as JSON values. */
    List<Object> args();

    /** Keyword arguments as JSON values. */
    Map<String, Object> kwargs();

    /** The job's meta: as enqueued, or as last saved with {@link #saveMeta(Map)}. */
    Map<String, Object> meta();

    /**
     * Replaces the job's meta and saves it now (RQ's {@code job.meta[...] = ...; job.save_meta()}), e.g. to report
     * progress that tools show while the job runs.
     *
     * <pre>{@code
     * Map<String, Object> meta = new HashMap<>(job.meta());
     * meta.put("progress", 0.5);
     * job.saveMeta(meta);
     * }</pre>
     */
    void saveMeta(Map<String, Object> meta);

    /**
     * Positional argument {@code index} converted to {@code type}.
     *
     * @throws IllegalArgumentException when there is no such argument or it does not convert
     */
    <T> T arg(int index, Class<T> type);

    /**
     * Keyword argument {@code name} converted to {@code type}, or {@code fallback} when it was not given.
     *
     * @throws IllegalArgumentException when the value does not convert
     */
    <T> T kwarg(String name, Class<T> type, T fallback);
}
