package dev.jrq.core;

import java.util.List;

/**
 * Every queue's counts, whether workers are suspended, and the throughput totals, read together by
 * {@link JobBrowser#overview()} in two round trips.
 *
 * <pre>{@code
 * QueueOverview overview = client.browser().overview();
 * long failed = overview.queues().get(0).failed();
 * }</pre>
 *
 * @param queues        each queue of {@code rq:queues}, sorted by name
 * @param suspended     whether {@code rq:suspended} is set
 * @param finishedTotal jobs JRQ workers have finished, ever ({@code jrq:stats} field {@code finished})
 * @param failedTotal   failed attempts JRQ workers have booked, ever ({@code jrq:stats} field {@code failed})
 */
public record QueueOverview(List<QueueCounts> queues, boolean suspended, long finishedTotal, long failedTotal) {

    public QueueOverview {
        queues = List.copyOf(queues);
    }
}
