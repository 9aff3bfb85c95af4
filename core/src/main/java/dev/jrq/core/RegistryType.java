package dev.jrq.core;

/**
 * RQ's six job registries of a queue, sorted sets named {@code rq:<key>:<queue>}, and what their scores mean.
 */
public enum RegistryType {
    /** Jobs running now; score = lease deadline (RQ's StartedJobRegistry, {@code rq:wip}). */
    STARTED("wip"),
    /** Finished jobs; score = when the result expires, {@code +inf} for never. */
    FINISHED("finished"),
    /** Failed jobs; score = when the failure expires. */
    FAILED("failed"),
    /** Jobs waiting for others; score = when they were deferred. */
    DEFERRED("deferred"),
    /** Jobs to enqueue later; score = when they are due. */
    SCHEDULED("scheduled"),
    /** Canceled jobs; score = when they were canceled. */
    CANCELED("canceled");

    private final String keyPart;

    RegistryType(String keyPart) {
        this.keyPart = keyPart;
    }

    /** The middle part of the registry's key, e.g. {@code wip} for {@code rq:wip:<queue>}. */
    public String keyPart() {
        return keyPart;
    }

    /** Whether scores are expiry times, so that {@link JobRegistry#cleanup()} drops entries whose time has passed. */
    public boolean expires() {
        return this == FINISHED || this == FAILED;
    }
}
