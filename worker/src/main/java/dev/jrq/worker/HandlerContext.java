package dev.jrq.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.JobContext;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.WorkerStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a handler sees of its job: the claimed job's values, plus saving its meta as it runs. A callback sees the
 * ended job the same way, with its own arguments (the job's id, then its result or error).
 */
final class HandlerContext implements JobContext {
    private static final ObjectMapper CONVERTER = JsonMapper.builder().build();

    private final ClaimedJob job;
    private final WorkerStore store;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private volatile Map<String, Object> meta;

    /** The context of the job's own run. */
    HandlerContext(ClaimedJob job, WorkerStore store) {
        this(job, store, job.args(), job.kwargs());
    }

    /**
     * The context of a callback of {@code job}, with the callback's arguments.
     *
     * @param args   unmodifiable, as the job's own are ({@link dev.jrq.core.JobPayload}): a handler must not change
     *               them
     * @param kwargs unmodifiable too
     */
    HandlerContext(ClaimedJob job, WorkerStore store, List<Object> args, Map<String, Object> kwargs) {
        this.job = job;
        this.store = store;
        this.args = args;
        this.kwargs = kwargs;
        this.meta = job.meta();
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
        return kwargs;
    }

    @Override
    public Map<String, Object> meta() {
        return meta;
    }

    @Override
    public void saveMeta(Map<String, Object> newMeta) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(newMeta));
        store.saveMeta(job.jobId(), copy);
        meta = copy;
    }

    @Override
    public <T> T arg(int index, Class<T> type) {
        if (index < 0 || index >= args.size()) {
            throw new IllegalArgumentException("job " + jobId() + " (" + jobName() + ") has " + args.size()
                    + " positional argument(s); argument " + index + " was asked for");
        }
        return convert(args.get(index), type, "argument " + index + " of job " + jobId());
    }

    @Override
    public <T> T kwarg(String name, Class<T> type, T fallback) {
        return kwargs.containsKey(name)
                ? convert(kwargs.get(name), type, "keyword argument '" + name + "' of job " + jobId()) : fallback;
    }

    private static <T> T convert(Object value, Class<T> type, String what) {
        try {
            return CONVERTER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is " + value + ", which is not a " + type.getSimpleName(), e);
        }
    }
}
