package dev.jrq.core;

import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.JobFields;
import dev.jrq.core.internal.LastParsed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A job as stored in its {@code rq:job:<id>} hash at one moment, decoded. Written by JRQ or by Python RQ.
 *
 * @param id          the job id
 * @param status      its status, {@code null} when absent or not one of RQ 1.13's eight (RQ 2.x adds some)
 * @param origin      the queue it belongs to
 * @param payload     the name and arguments, or why they could not be decoded
 * @param description the description tools show
 * @param createdAt   when it was created
 * @param enqueuedAt  when it was last put on its queue, {@code null} if never
 * @param startedAt   when a worker last started it, {@code null} if never
 * @param endedAt     when it last ended, {@code null} if it has not
 * @param workerName  the worker that ran it last, {@code null} if none
 * @param meta        the user's meta
 * @param fields      every text field of the hash as stored ({@code data} and {@code exc_info} left out)
 */
public record JobRecord(String id, JobStatus status, String origin, JobPayload payload, String description,
                        Instant createdAt, Instant enqueuedAt, Instant startedAt, Instant endedAt, String workerName,
                        Map<String, Object> meta, Map<String, String> fields) {

    /** why: a worker reads the timeout and result TTL of every job it runs, mostly the same text each time */
    private static final LastParsed<Duration> TIMEOUTS = new LastParsed<>(JobRecord::parseSeconds);
    private static final LastParsed<Duration> RESULT_TTLS = new LastParsed<>(JobRecord::parseSeconds);

    public JobRecord {
        // why: not Map.copyOf, which refuses the JSON nulls a meta may hold
        meta = meta.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        // why: a worker decodes one per job; fields read from a take's reply are immutable already
        fields = fields instanceof JobFields ? fields : Map.copyOf(fields);
    }

    /** The job's name, {@code null} when its payload could not be decoded. */
    public String jobName() {
        return payload.jobName();
    }

    /** The job's timeout, {@code null} when none is stored, {@link dev.jrq.api.JobOptions#FOREVER} for none. */
    public Duration timeout() {
        String value = fields.get("timeout");
        return value == null ? null : TIMEOUTS.parse(value);
    }

    public Duration resultTtl() {
        String value = fields.get("result_ttl");
        return value == null ? null : RESULT_TTLS.parse(value);
    }

    public Duration failureTtl() {
        return seconds("failure_ttl");
    }

    public Duration ttl() {
        return seconds("ttl");
    }

    private Duration seconds(String field) {
        String value = fields.get(field);
        return value == null ? null : parseSeconds(value);
    }

    /** RQ's seconds as a Duration, {@code null} when empty or not a number. */
    private static Duration parseSeconds(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            // why: RQ writes whole seconds; a worker reads the timeout of every job it runs, and parsing it as a
            // double allocated more than the rest of the job's decoding of it (JFR)
            return Duration.ofSeconds(isWholeNumber(value) ? Long.parseLong(value) : (long) Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isWholeNumber(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (text.length() == start || text.length() > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
