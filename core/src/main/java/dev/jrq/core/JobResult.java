package dev.jrq.core;

import java.time.Instant;

/**
 * One entry of a job's result stream {@code rq:results:<id>}: the outcome of one run.
 *
 * @param streamId    the entry's stream id; its first part is the time in milliseconds
 * @param type        the outcome
 * @param returnValue the decoded return value of a successful run ({@code null} for none)
 * @param error       the stack trace or message of a failed run, {@code null} otherwise
 * @param createdAt   when the result was written
 * @param valueError  why the stored return value could not be decoded (e.g. a pickled value), {@code null} when
 *                    it was or there is none
 */
public record JobResult(String streamId, Type type, Object returnValue, String error, Instant createdAt,
                        String valueError) {

    /** RQ's result types, by their numbers in the {@code type} field. */
    public enum Type {
        SUCCESSFUL(1),
        FAILED(2),
        STOPPED(3),
        RETRIED(4),
        MAX_RETRIES_EXCEEDED(5);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The type with RQ's number {@code code}; unknown numbers read as {@link #FAILED}. */
        public static Type ofCode(int code) {
            for (Type type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            return FAILED;
        }
    }

    public boolean isSuccessful() {
        return type == Type.SUCCESSFUL;
    }
}
