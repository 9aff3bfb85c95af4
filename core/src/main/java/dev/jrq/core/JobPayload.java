package dev.jrq.core;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a job calls, decoded from its {@code data} field: RQ's {@code [name, null, args, kwargs]}. A payload JRQ
 * cannot decode (a job pickled by Python, a foreign serializer) is kept as {@link #error()} and size, so it can be
 * shown, never thrown at the reader.
 *
 * @param jobName   the job's name, {@code null} when undecodable
 * @param args      positional arguments (empty when undecodable)
 * @param kwargs    keyword arguments (empty when undecodable)
 * @param sizeBytes the size of the stored {@code data} field
 * @param error     why the payload could not be decoded, {@code null} when it was
 */
public record JobPayload(String jobName, List<Object> args, Map<String, Object> kwargs, int sizeBytes, String error) {

    public JobPayload {
        // why: no wrapper around nothing; a worker makes one payload per job, most with no kwargs
        args = args == null || args.isEmpty() ? List.of() : Collections.unmodifiableList(args);
        kwargs = kwargs == null || kwargs.isEmpty() ? Map.of() : Collections.unmodifiableMap(kwargs);
    }

    /** A payload that could not be read, with the reason. */
    public static JobPayload undecodable(int sizeBytes, String error) {
        return new JobPayload(null, List.of(), Map.of(), sizeBytes, error);
    }

    public boolean isDecoded() {
        return error == null;
    }
}
