package dev.jrq.worker;

import dev.jrq.api.JobContext;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.WorkerStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a handler sees of its job: the claimed job's values, plus saving its meta as it runs. */
final class HandlerContext implements JobContext {
    private final ClaimedJob job;
    private final WorkerStore store;
    private volatile Map<String, Object> meta;

    HandlerContext(ClaimedJob job, WorkerStore store) {
        this.job = job;
        this.store = store;
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
        return job.args();
    }

    @Override
    public Map<String, Object> kwargs() {
        return job.kwargs();
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
        return job.arg(index, type);
    }

    @Override
    public <T> T kwarg(String name, Class<T> type, T fallback) {
        return job.kwarg(name, type, fallback);
    }
}
