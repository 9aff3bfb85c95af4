package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /metrics}: rq-exporter's families with their exact names, labels and types, and JRQ's own. */
@ExtendWith(RedisServerExtension.class)
class MetricsIT {
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void metrics_queuesWorkersAndCounters_rqExporterAndJrqFamilies(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.workerStore().register(Seed.WORKER, List.of("reports", "mail"), Map.of("hostname", "box"));
        Seed.failedJobs(client, "reports", 2);
        Seed.finishedJob(client, "reports", dev.jrq.api.JobRequest.of("reports.build"), 1);
        client.queue("mail").enqueue("mail.send");
        client.workerStore().setState(Seed.WORKER, "idle");
        // why: the worker hash's counters as a worker's heartbeat leaves them (what rq-exporter reads)
        redis.raw().getMap("rq:worker:" + Seed.WORKER, org.redisson.client.codec.StringCodec.INSTANCE).putAll(Map.of(
                "successful_job_count", "5", "failed_job_count", "2", "total_working_time", "1.25"));
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());

        Api.Response response = new Api(server.url()).get("/metrics");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        List<String> lines = Arrays.asList(response.body().split("\n"));
        assertThat(lines).contains(
                "# TYPE rq_workers gauge",
                "rq_workers{name=\"seed-worker\",state=\"idle\",queues=\"reports,mail\"} 1",
                "# TYPE rq_workers_success_total counter",
                "rq_workers_success_total{name=\"seed-worker\",queues=\"reports,mail\"} 5",
                "# TYPE rq_workers_failed_total counter",
                "rq_workers_failed_total{name=\"seed-worker\",queues=\"reports,mail\"} 2",
                "# TYPE rq_workers_working_time_total counter",
                "# TYPE rq_jobs gauge",
                "rq_jobs{queue=\"reports\",status=\"queued\"} 0",
                "rq_jobs{queue=\"reports\",status=\"started\"} 0",
                "rq_jobs{queue=\"reports\",status=\"finished\"} 1",
                "rq_jobs{queue=\"reports\",status=\"failed\"} 2",
                "rq_jobs{queue=\"reports\",status=\"deferred\"} 0",
                "rq_jobs{queue=\"reports\",status=\"scheduled\"} 0",
                "rq_jobs{queue=\"reports\",status=\"canceled\"} 0",
                "rq_jobs{queue=\"mail\",status=\"queued\"} 1",
                "# TYPE jrq_queue_jobs gauge",
                "jrq_queue_jobs{queue=\"reports\",status=\"failed\"} 2",
                "# TYPE jrq_workers gauge",
                "jrq_workers{state=\"idle\"} 1",
                "jrq_workers{state=\"busy\"} 0",
                "# TYPE jrq_workers_suspended gauge",
                "jrq_workers_suspended 0",
                "# TYPE jrq_jobs_finished_total counter",
                "jrq_jobs_finished_total{queue=\"reports\"} 1",
                "jrq_jobs_finished_total{queue=\"mail\"} 0",
                "# TYPE jrq_jobs_failed_total counter",
                "jrq_jobs_failed_total{queue=\"reports\"} 2",
                "# TYPE jrq_dashboard_scrape_seconds gauge");
        assertThat(lines).contains("rq_workers_working_time_total{name=\"seed-worker\",queues=\"reports,mail\"} 1.25");
        assertThat(lines).anyMatch(line -> line.matches("jrq_dashboard_scrape_seconds \\d\\.\\d+(E-\\d+)?"));
        assertThat(lines.stream().filter(line -> line.startsWith("# TYPE ")).count())
                .as("one TYPE line per family").isEqualTo(lines.stream().filter(line -> line.startsWith("# TYPE "))
                        .distinct().count());
    }

    @Test
    void metrics_labelValuesWithQuotes_escaped(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.workerStore().register("odd\"name\\x", List.of("q"), Map.of());
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());

        String body = new Api(server.url()).get("/metrics").body();

        assertThat(body).contains("rq_workers{name=\"odd\\\"name\\\\x\",state=\"");
    }
}
