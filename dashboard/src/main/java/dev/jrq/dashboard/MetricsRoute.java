package dev.jrq.dashboard;

import dev.jrq.core.JrqClient;
import dev.jrq.core.QueueCounts;
import dev.jrq.core.ThroughputTotals;
import dev.jrq.core.WorkerInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /metrics}: Prometheus text read from Redis at scrape time (as rq-exporter does; it does not wake the
 * live poller). Two sets of families:
 *
 * <ul>
 *   <li>rq-exporter's, with its names, labels and types, so RQ's Grafana boards work unchanged:
 *       {@code rq_workers{name,state,queues}} (1 per worker), {@code rq_jobs{queue,status}} (status queued,
 *       started, finished, failed, deferred, scheduled, plus canceled, which rq-exporter lacks),
 *       {@code rq_workers_success_total}, {@code rq_workers_failed_total} and
 *       {@code rq_workers_working_time_total} {@code {name,queues}} counters;</li>
 *   <li>JRQ's own, without worker names as labels: {@code jrq_queue_jobs{queue,status}},
 *       {@code jrq_workers{state}}, {@code jrq_workers_suspended}, {@code jrq_jobs_finished_total{queue}} and
 *       {@code jrq_jobs_failed_total{queue}} (from {@code jrq:stats}, counted by JRQ workers), and
 *       {@code jrq_dashboard_scrape_seconds} (how long this scrape's reads took).</li>
 * </ul>
 */
final class MetricsRoute {
    private static final List<String> STATUSES = List.of("queued", "started", "finished", "failed", "deferred",
            "scheduled", "canceled");

    private final JrqClient client;
    private final ReadModel reads;

    MetricsRoute(JrqClient client, ReadModel reads) {
        this.client = client;
        this.reads = reads;
    }

    void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        long started = System.nanoTime();
        ReadModel.Snapshot snapshot = reads.read();
        ThroughputTotals totals = client.throughput().totals();
        double seconds = (System.nanoTime() - started) / 1e9;
        PrometheusText text = new PrometheusText();
        rqExporterFamilies(text, snapshot);
        jrqFamilies(text, snapshot, totals);
        text.family("jrq_dashboard_scrape_seconds", "gauge", "Seconds this scrape spent reading Redis.")
                .sample("jrq_dashboard_scrape_seconds", seconds);
        ctx.contentType(PrometheusText.CONTENT_TYPE).result(text.toString());
    }

    private static void rqExporterFamilies(PrometheusText text, ReadModel.Snapshot snapshot) {
        List<WorkerInfo> workers = snapshot.workers();
        text.family("rq_workers", "gauge", "RQ workers");
        workers.forEach(worker -> text.sample("rq_workers", 1, "name", worker.name(), "state",
                String.valueOf(worker.state()), "queues", String.join(",", worker.queues())));
        text.family("rq_workers_success_total", "counter", "RQ workers success count");
        workers.forEach(worker -> text.sample("rq_workers_success_total", worker.successfulJobCount(),
                "name", worker.name(), "queues", String.join(",", worker.queues())));
        text.family("rq_workers_failed_total", "counter", "RQ workers fail count");
        workers.forEach(worker -> text.sample("rq_workers_failed_total", worker.failedJobCount(),
                "name", worker.name(), "queues", String.join(",", worker.queues())));
        text.family("rq_workers_working_time_total", "counter", "RQ workers spent seconds");
        workers.forEach(worker -> text.sample("rq_workers_working_time_total", worker.totalWorkingTime(),
                "name", worker.name(), "queues", String.join(",", worker.queues())));
        text.family("rq_jobs", "gauge", "RQ jobs by state");
        for (QueueCounts queue : snapshot.overview().queues()) {
            STATUSES.forEach(status -> text.sample("rq_jobs", count(queue, status), "queue", queue.name(),
                    "status", status));
        }
    }

    private static void jrqFamilies(PrometheusText text, ReadModel.Snapshot snapshot, ThroughputTotals totals) {
        text.family("jrq_queue_jobs", "gauge", "Jobs in each queue's list and registries.");
        for (QueueCounts queue : snapshot.overview().queues()) {
            STATUSES.forEach(status -> text.sample("jrq_queue_jobs", count(queue, status), "queue", queue.name(),
                    "status", status));
        }
        text.family("jrq_workers", "gauge", "Registered workers by state.");
        Views.byState(snapshot.workers()).forEach((state, count) -> text.sample("jrq_workers", count, "state",
                state));
        text.family("jrq_workers_suspended", "gauge", "1 while workers are suspended (rq:suspended), else 0.")
                .sample("jrq_workers_suspended", snapshot.overview().suspended() ? 1 : 0);
        TreeSet<String> queues = new TreeSet<>(totals.finishedByQueue().keySet());
        queues.addAll(totals.failedByQueue().keySet());
        snapshot.overview().queues().forEach(queue -> queues.add(queue.name()));
        counter(text, "jrq_jobs_finished_total", "Jobs finished by JRQ workers, from jrq:stats.",
                totals.finishedByQueue(), queues);
        counter(text, "jrq_jobs_failed_total", "Failed attempts booked by JRQ workers, from jrq:stats.",
                totals.failedByQueue(), queues);
    }

    private static void counter(PrometheusText text, String name, String help, Map<String, Long> byQueue,
            TreeSet<String> queues) {
        text.family(name, "counter", help);
        queues.forEach(queue -> text.sample(name, byQueue.getOrDefault(queue, 0L), "queue", queue));
    }

    private static long count(QueueCounts queue, String status) {
        return switch (status) {
            case "queued" -> queue.queued();
            case "started" -> queue.started();
            case "finished" -> queue.finished();
            case "failed" -> queue.failed();
            case "deferred" -> queue.deferred();
            case "scheduled" -> queue.scheduled();
            default -> queue.canceled();
        };
    }
}
