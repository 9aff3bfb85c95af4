package dev.jrq.core;

import java.util.Objects;

/**
 * How many jobs one queue holds in its list and in each of its six registries, read with {@code LLEN} and
 * {@code ZCARD} (no registry cleanup: reading never changes anything).
 *
 * @param name      the queue's name
 * @param queued    ids waiting in {@code rq:queue:<name>}
 * @param started   ids in {@code rq:wip:<name>}
 * @param deferred  ids in {@code rq:deferred:<name>}
 * @param scheduled ids in {@code rq:scheduled:<name>}
 * @param finished  ids in {@code rq:finished:<name>}
 * @param failed    ids in {@code rq:failed:<name>}
 * @param canceled  ids in {@code rq:canceled:<name>}
 */
public record QueueCounts(String name, long queued, long started, long deferred, long scheduled, long finished,
                          long failed, long canceled) {

    public QueueCounts {
        Objects.requireNonNull(name, "name");
    }

    /** The count of a registry, {@code null} for the queue's own list. */
    public long count(RegistryType registry) {
        if (registry == null) {
            return queued;
        }
        return switch (registry) {
            case STARTED -> started;
            case FINISHED -> finished;
            case FAILED -> failed;
            case DEFERRED -> deferred;
            case SCHEDULED -> scheduled;
            case CANCELED -> canceled;
        };
    }
}
