package dev.jrq.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.JobContext;
import java.util.List;
import java.util.Map;

/**
 * A job a worker slot has taken and marked started: its record plus the queue it came from, with the argument
 * conversions a handler's {@link JobContext} offers.
 *
 * @param queue  the queue it was taken from
 * @param record the job as stored when it started
 */
public record ClaimedJob(String queue, JobRecord record) {
    private static final ObjectMapper CONVERTER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String jobId() {
        return record.id();
    }

    public String jobName() {
        return record.jobName();
    }

    public List<Object> args() {
        return record.payload().args();
    }

    public Map<String, Object> kwargs() {
        return record.payload().kwargs();
    }

    public Map<String, Object> meta() {
        return record.meta();
    }

    public <T> T arg(int index, Class<T> type) {
        if (index < 0 || index >= args().size()) {
            throw new IllegalArgumentException("job " + jobId() + " (" + jobName() + ") has " + args().size()
                    + " positional argument(s); argument " + index + " was asked for");
        }
        return convert(args().get(index), type, "argument " + index + " of job " + jobId());
    }

    public <T> T kwarg(String name, Class<T> type, T fallback) {
        return kwargs().containsKey(name) ? convert(kwargs().get(name), type, "keyword argument '" + name
                + "' of job " + jobId()) : fallback;
    }

    /** A JSON value converted to {@code type}, or an {@link IllegalArgumentException} naming {@code what}. */
    static <T> T convert(Object value, Class<T> type, String what) {
        try {
            return CONVERTER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is " + value + ", which is not a " + type.getSimpleName(), e);
        }
    }
}
