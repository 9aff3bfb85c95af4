package dev.jrq.core.internal;

import dev.jrq.api.Callbacks;
import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.Retry;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import dev.jrq.core.JobPayload;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JobResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * Turns jobs into RQ's hash fields and back, with one serializer: the zlib payload in {@code data}, meta as
 * serializer bytes, return values as base64, errors as base64 of zlib, timestamps in RQ's format.
 */
public final class JobCodec {
    /** RQ's {@code Queue.DEFAULT_TIMEOUT}. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 180;
    /** RQ's default result TTL. */
    public static final long DEFAULT_RESULT_TTL_SECONDS = 500;
    /** RQ's default failure TTL, one year. */
    public static final long DEFAULT_FAILURE_TTL_SECONDS = 31_536_000;

    /** Id, flags, ttl, created_at, data, description and timeout: the items every packed queued job starts with. */
    private static final int QUEUED_JOB_FIXED_ITEMS = 7;

    /** why: the jobs one take started share their started_at; one Instant for all (see LastParsed) */
    private static final LastParsed<Instant> STARTED_AT = new LastParsed<>(RqTime::parse);

    private final Serializer serializer;
    /** The serializer's read of a payload where Zlib inflated it; why a field: one per job, not one per call. */
    private final Zlib.LentBytes<Object> payloadReader;

    public JobCodec(Serializer serializer) {
        this.serializer = serializer;
        this.payloadReader = serializer::deserialize;
    }

    public Serializer serializer() {
        return serializer;
    }

    /** The job hash for a new queued job, field and value alternating, in RQ 1.13's order. */
    public List<Object> queuedJobFields(String queue, JobRequest request, Instant now) {
        JobOptions options = request.options();
        String timestamp = RqTime.format(now);
        List<Object> fields = new ArrayList<>(40);
        add(fields, "status", JobStatus.QUEUED.wireName());
        add(fields, "created_at", timestamp);
        add(fields, "data", encodePayload(request));
        Callbacks callbacks = options.callbacks();
        add(fields, "success_callback_name", callbacks == null || callbacks.onSuccess() == null ? ""
                : callbacks.onSuccess());
        add(fields, "failure_callback_name", callbacks == null || callbacks.onFailure() == null ? ""
                : callbacks.onFailure());
        add(fields, "started_at", "");
        add(fields, "ended_at", "");
        add(fields, "last_heartbeat", "");
        add(fields, "worker_name", "");
        add(fields, "origin", queue);
        add(fields, "description", description(request));
        add(fields, "enqueued_at", timestamp);
        add(fields, "timeout", timeoutSeconds(options));
        addOptionalFields(fields, options);
        return fields;
    }

    /**
     * Packs a new queued job as enqueue.lua, enqueue_many.lua and fire_schedule.lua read it (lib/queued_job.lua):
     * its items, all strings: id, flags, ttl, created_at, data, description, timeout, then field, value, ... of the
     * fields only some jobs have, numbers as text. The scripts write the fields every queued job has with the same
     * value themselves. On its own a job is one MessagePack array of its items; in a run of jobs (one array of
     * them all, see {@link PackedQueuedJobs}) its item count comes first, then its items.
     *
     * <p>why one argument per job: each script argument costs the client an encoded buffer and a framed write,
     * and Redis a Lua string; eight or more per job were most of what a bulk enqueue sent.
     *
     * @param inRun whether the job goes into a run (item count first) rather than into an array of its own
     * @param idGiven whether the caller chose the id (an old hash of that id is then replaced)
     * @param createdAt RQ's timestamp of the job's creation, also its enqueued_at and the scripts' replay marker
     * @return how many values were packed: the job's items, and its item count in a run
     */
    public int packQueuedJob(MessagePacker packer, boolean inRun, String jobId, boolean idGiven, JobRequest request,
                             String createdAt) {
        JobOptions options = request.options();
        List<Object> optional = new ArrayList<>(0);
        Callbacks callbacks = options.callbacks();
        if (callbacks != null && callbacks.onSuccess() != null) {
            add(optional, "success_callback_name", callbacks.onSuccess());
        }
        if (callbacks != null && callbacks.onFailure() != null) {
            add(optional, "failure_callback_name", callbacks.onFailure());
        }
        addOptionalFields(optional, options);
        try {
            int items = QUEUED_JOB_FIXED_ITEMS + optional.size();
            if (inRun) {
                packer.packInt(items);
            } else {
                packer.packArrayHeader(items);
            }
            packer.packString(jobId);
            packer.packString((options.atFront() ? "F" : "") + (options.unique() ? "U" : "") + (idGiven ? "G" : ""));
            packer.packString(options.ttl() == null ? "0" : Long.toString(options.ttl().getSeconds()));
            packer.packString(createdAt);
            packBytes(packer, encodePayload(request));
            packer.packString(description(request));
            packer.packString(Long.toString(timeoutSeconds(options)));
            for (Object item : optional) {
                if (item instanceof byte[] bytes) {
                    packBytes(packer, bytes);
                } else {
                    packer.packString(String.valueOf(item));
                }
            }
            return inRun ? items + 1 : items;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack job " + jobId, e);
        }
    }

    /**
     * One new queued job packed on its own, for enqueue.lua and fire_schedule.lua.
     *
     * @see #packQueuedJob(MessagePacker, boolean, String, boolean, JobRequest, String)
     */
    public byte[] packQueuedJob(String jobId, boolean idGiven, JobRequest request, String createdAt) {
        packQueuedJob(ThreadPacker.start(), false, jobId, idGiven, request, createdAt);
        return ThreadPacker.finish();
    }

    /** Binary content as a MessagePack str: why: Redis's cmsgpack reads no bin type, and a str holds any bytes. */
    private static void packBytes(MessagePacker packer, byte[] bytes) throws IOException {
        packer.packRawStringHeader(bytes.length);
        packer.writePayload(bytes);
    }

    private static String description(JobRequest request) {
        String given = request.options().description();
        return given != null ? given : PythonRepr.callString(request.jobName(), request.args(), request.kwargs());
    }

    private static long timeoutSeconds(JobOptions options) {
        return options.timeout() == null ? DEFAULT_TIMEOUT_SECONDS : options.timeout().getSeconds();
    }

    /** The fields after RQ's fixed ones that only some jobs have: TTLs, meta, retries, callbacks, dependency. */
    private void addOptionalFields(List<Object> fields, JobOptions options) {
        addSeconds(fields, "result_ttl", options.resultTtl());
        addSeconds(fields, "failure_ttl", options.failureTtl());
        addSeconds(fields, "ttl", options.ttl());
        if (!options.meta().isEmpty()) {
            add(fields, "meta", serializer.serialize(options.meta()));
        }
        if (options.retry() != null) {
            addRetry(fields, options.retry());
        }
        if (options.callbacks() != null) {
            addCallbacks(fields, options.callbacks());
        }
        if (options.dependsOn() != null) {
            addDependency(fields, options.dependsOn(), options.atFront());
        }
    }

    /**
     * RQ's {@code retries_left} and {@code retry_intervals} (always JSON, {@code [1, 2]} as Python writes it), and
     * JRQ's own {@code jrq_retry_jitter} when there is jitter (RQ ignores fields it does not know).
     */
    private static void addRetry(List<Object> fields, Retry retry) {
        add(fields, "retries_left", retry.max());
        add(fields, "retry_intervals", retry.intervals().stream().map(d -> String.valueOf(d.getSeconds()))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        if (retry.jitter() > 0) {
            add(fields, "jrq_retry_jitter", retry.jitter());
        }
    }

    /** RQ 1.15's {@code stopped_callback_name} and 1.14's {@code *_callback_timeout} (60 s by default). */
    private static void addCallbacks(List<Object> fields, Callbacks callbacks) {
        long timeout = callbacks.timeout() == null ? 60 : callbacks.timeout().getSeconds();
        if (callbacks.onStopped() != null) {
            add(fields, "stopped_callback_name", callbacks.onStopped());
        }
        if (callbacks.onSuccess() != null) {
            add(fields, "success_callback_timeout", timeout);
        }
        if (callbacks.onFailure() != null) {
            add(fields, "failure_callback_timeout", timeout);
        }
        if (callbacks.onStopped() != null) {
            add(fields, "stopped_callback_timeout", timeout);
        }
    }

    /** RQ's {@code dependency_id}, {@code dependency_ids} (always JSON), {@code allow_dependency_failures}, ... */
    private static void addDependency(List<Object> fields, Dependency dependency, boolean atFront) {
        add(fields, "dependency_id", dependency.jobIds().get(0));
        add(fields, "dependency_ids", dependency.jobIds().stream()
                .map(id -> '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        add(fields, "allow_dependency_failures", dependency.allowFailure() ? "1" : "0");
        add(fields, "enqueue_at_front", atFront ? "1" : "0");
    }

    /** {@code zlib(serialize([name, null, args, kwargs]))}, RQ's {@code data} field. */
    public byte[] encodePayload(JobRequest request) {
        return Zlib.compress(
                serializer.serialize(Arrays.asList(request.jobName(), null, request.args(), request.kwargs())));
    }

    /** The name and arguments in a {@code data} field, or why they cannot be read. */
    public JobPayload decodePayload(byte[] data) {
        if (data == null) {
            return JobPayload.undecodable(0, "the job has no data field");
        }
        return decodePayload(data, 0, data.length);
    }

    /** As {@link #decodePayload(byte[])}, for a {@code data} field of {@code length} bytes at {@code offset}. */
    public JobPayload decodePayload(byte[] bytes, int offset, int length) {
        Object decoded;
        try {
            decoded = Zlib.inflateThenRead(bytes, offset, length, payloadReader);
        } catch (SerializationException e) {
            return JobPayload.undecodable(length, "cannot decode the payload with the '" + serializer.name()
                    + "' serializer: " + e.getMessage());
        }
        if (!(decoded instanceof List<?> call) || call.size() != 4 || !(call.get(0) instanceof String name)
                || !(call.get(2) instanceof List<?> args) || !(call.get(3) instanceof Map<?, ?> kwargs)) {
            return JobPayload.undecodable(length, "the payload is not RQ's [name, instance, args, kwargs] call: "
                    + abbreviate(String.valueOf(decoded)));
        }
        // why: the serializer's tree is the payload's own, so it is wrapped, not copied (a worker decodes one per job)
        @SuppressWarnings("unchecked")
        List<Object> arguments = (List<Object>) args;
        return new JobPayload(name, arguments, stringKeys(kwargs), length, null);
    }

    /** A job hash read with {@code HGETALL}, decoded. */
    public JobRecord decodeJob(String id, Map<String, byte[]> hash) {
        Map<String, String> text = new HashMap<>();
        hash.forEach((field, value) -> {
            if (!isBinaryField(field)) {
                text.put(field, new String(value, StandardCharsets.UTF_8));
            }
        });
        return decodeJob(id, text, hash.get("data"), hash.get("meta"));
    }

    /**
     * A job hash decoded from its text fields (every field but {@link #isBinaryField binary} ones) and its
     * {@code data} and {@code meta} bytes, either {@code null} when absent.
     */
    public JobRecord decodeJob(String id, Map<String, String> text, byte[] data, byte[] meta) {
        return decodeJob(id, text, decodePayload(data), meta);
    }

    /** A job hash read from a take's reply (see {@link PackedJobHash}), decoded. */
    public JobRecord decodeJob(String id, PackedJobHash hash) {
        JobPayload payload = hash.hasData() ? decodePayload(hash.packed(), hash.dataOffset(), hash.dataLength())
                : decodePayload(null);
        return decodeJob(id, hash.text(), payload, hash.meta());
    }

    private JobRecord decodeJob(String id, Map<String, String> text, JobPayload payload, byte[] meta) {
        String created = text.get("created_at");
        String enqueued = text.get("enqueued_at");
        Instant createdAt = RqTime.parse(created);
        // why: JRQ writes a job's enqueued_at equal to its created_at; one Instant for both
        Instant enqueuedAt = enqueued != null && enqueued.equals(created) ? createdAt : RqTime.parse(enqueued);
        return new JobRecord(id, status(text.get("status")), text.get("origin"), payload,
                text.get("description"), createdAt, enqueuedAt,
                STARTED_AT.parse(text.get("started_at")), RqTime.parse(text.get("ended_at")),
                emptyToNull(text.get("worker_name")), decodeMeta(meta), text);
    }

    /** Whether a job hash's field holds bytes that are not text: the zlib payload or a pickled traceback. */
    public static boolean isBinaryField(String field) {
        return "data".equals(field) || "exc_info".equals(field);
    }

    /** Base64 of the serialized value, RQ's {@code return_value}; {@code ""} for {@code null}. */
    public String encodeReturnValue(Object value) {
        return value == null ? "" : Base64.getEncoder().encodeToString(serializer.serialize(value));
    }

    /** Base64 of zlib of the text, RQ's {@code exc_string}. */
    public static String encodeError(String text) {
        return Base64.getEncoder().encodeToString(Zlib.compress(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One entry of a result stream, decoded. */
    public JobResult decodeResult(String streamId, Map<String, String> entry) {
        JobResult.Type type = JobResult.Type.ofCode(parseInt(entry.get("type"), 2));
        Object value = null;
        String valueError = null;
        String returnValue = entry.get("return_value");
        if (returnValue != null && !returnValue.isEmpty()) {
            try {
                value = serializer.deserialize(Base64.getDecoder().decode(returnValue));
            } catch (RuntimeException e) {
                // why: a value Python pickled is shown as such, never thrown at the reader
                valueError = "cannot decode the return value (" + returnValue.length() + " base64 characters) with "
                        + "the '" + serializer.name() + "' serializer: " + e.getMessage();
            }
        }
        String error = null;
        String excString = entry.get("exc_string");
        if (excString != null && !excString.isEmpty()) {
            error = new String(Zlib.decompressOrKeep(Base64.getDecoder().decode(excString)), StandardCharsets.UTF_8);
        }
        long millis = parseLong(streamId.substring(0, Math.max(0, streamId.indexOf('-'))), 0);
        return new JobResult(streamId, type, value, error, Instant.ofEpochMilli(millis), valueError);
    }

    private Map<String, Object> decodeMeta(byte[] meta) {
        if (meta == null || meta.length == 0) {
            return Map.of();
        }
        try {
            return serializer.deserialize(meta) instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
        } catch (SerializationException e) {
            return Map.of();
        }
    }

    private static JobStatus status(String wireName) {
        if (wireName == null || wireName.isEmpty()) {
            return null;
        }
        try {
            return JobStatus.fromWireName(wireName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked") // why: checked key by key first
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static void add(List<Object> fields, String name, Object value) {
        fields.add(name);
        fields.add(value);
    }

    private static void addSeconds(List<Object> fields, String name, Duration value) {
        if (value != null) {
            add(fields, name, value.getSeconds());
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static int parseInt(String text, int fallback) {
        return (int) parseLong(text, fallback);
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
