package dev.jrq.dashboard;

import dev.jrq.core.JobBrowser;
import dev.jrq.core.JobSummary;
import dev.jrq.core.JrqClient;
import dev.jrq.core.QueueOverview;
import dev.jrq.core.WorkerInfo;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One read of what the overview and workers views show, shared by the routes, the poller and {@code /metrics}:
 * the queue counts (two round trips), the workers (two), and the current jobs of busy workers (one more, only when
 * some are busy).
 */
final class ReadModel {
    private final JrqClient client;
    private final JobBrowser browser;
    private final Clock clock;
    private final boolean readOnly;

    ReadModel(JrqClient client, boolean readOnly) {
        this.client = client;
        this.browser = client.browser();
        this.clock = client.clock();
        this.readOnly = readOnly;
    }

    /** What Redis holds now. */
    Snapshot read() {
        QueueOverview overview = browser.overview();
        List<WorkerInfo> workers = client.workers();
        List<String> running = workers.stream().map(WorkerInfo::currentJob).filter(id -> id != null).distinct()
                .toList();
        Map<String, JobSummary> currentJobs = browser.summaries(running, false).stream()
                .collect(Collectors.toMap(JobSummary::id, Function.identity()));
        return new Snapshot(overview, workers, currentJobs);
    }

    Map<String, Object> overviewView(Snapshot snapshot) {
        return Views.overview(snapshot.overview(), snapshot.workers(), readOnly, clock.instant());
    }

    Map<String, Object> workersView(Snapshot snapshot) {
        return Views.workers(snapshot.workers(), snapshot.currentJobs(), snapshot.overview().suspended(),
                clock.instant());
    }

    boolean readOnly() {
        return readOnly;
    }

    /** Queue counts, workers and the jobs they run, read together. */
    record Snapshot(QueueOverview overview, List<WorkerInfo> workers, Map<String, JobSummary> currentJobs) {
    }
}
