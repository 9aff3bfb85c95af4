package dev.jrq.api;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The eight states of a job, with RQ's names, and the one table of moves between them.
 *
 * <pre>{@code
 * JobStatus status = JobStatus.fromWireName("finished");
 * boolean ok = JobStatus.QUEUED.canMoveTo(JobStatus.STARTED); // true
 * }</pre>
 */
public enum JobStatus {
    QUEUED,
    STARTED,
    FINISHED,
    FAILED,
    DEFERRED,
    SCHEDULED,
    STOPPED,
    CANCELED;

    /** why: {@code values()} copies its array on every call, and a worker looks up one status per job it runs. */
    private static final JobStatus[] ALL = values();

    /** why: written and compared on every enqueue and take; lower-cased once, not per call. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    private static final Map<JobStatus, Set<JobStatus>> MOVES = new EnumMap<>(JobStatus.class);

    static {
        // why: one table for every component; RQ's observed life cycle plus requeue/cancel/retry moves.
        // A retry leaves from STARTED (to QUEUED, or SCHEDULED with an interval), as in RQ; an ended job moves
        // only by requeue, and a queued job is never queued twice.
        MOVES.put(QUEUED, EnumSet.of(STARTED, CANCELED));
        MOVES.put(STARTED, EnumSet.of(FINISHED, FAILED, STOPPED, QUEUED, SCHEDULED));
        MOVES.put(FINISHED, EnumSet.of(QUEUED));
        MOVES.put(FAILED, EnumSet.of(QUEUED));
        MOVES.put(DEFERRED, EnumSet.of(QUEUED, CANCELED));
        MOVES.put(SCHEDULED, EnumSet.of(QUEUED, CANCELED));
        MOVES.put(STOPPED, EnumSet.of(QUEUED));
        MOVES.put(CANCELED, EnumSet.of(QUEUED));
    }

    /** The name RQ writes in a job hash's {@code status} field, e.g. {@code "queued"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a job may move from this status to {@code next}. */
    public boolean canMoveTo(JobStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Whether the job will not run again unless someone requeues it. */
    public boolean isFinal() {
        return this == FINISHED || this == FAILED || this == STOPPED || this == CANCELED;
    }

    /**
     * The status with RQ's name {@code wireName}.
     *
     * @throws IllegalArgumentException for a name that is not one of RQ's eight statuses
     */
    public static JobStatus fromWireName(String wireName) {
        for (JobStatus status : ALL) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown job status '" + wireName + "'; expected one of "
                + java.util.Arrays.stream(values()).map(JobStatus::wireName).toList());
    }
}
