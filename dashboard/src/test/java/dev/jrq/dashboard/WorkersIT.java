package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.JobRequest;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/workers}: every registered worker with its current job, and the overview's counts by state. */
@ExtendWith(RedisServerExtension.class)
class WorkersIT {
    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void workers_busyAndIdle_everyFieldAndTheRunningJob(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.workerStore().register(Seed.WORKER, List.of("reports", "mail"), Map.of("hostname", "box-1",
                "pid", "4242", "version", "jrq-0.1.0"));
        client.workerStore().register("idle-worker", List.of("mail"), Map.of("hostname", "box-2", "pid", "7"));
        client.workerStore().setState("idle-worker", "idle");
        ClaimedJob running = Seed.takeNew(client, "reports", JobRequest.of("reports.build", 3));
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());
        Api api = new Api(server.url());

        JsonNode body = api.get("/api/workers").json();
        JsonNode overview = api.get("/api/overview").json();

        assertThat(body.get("suspended").asBoolean()).isFalse();
        assertThat(body.get("workers")).hasSize(2);
        JsonNode idle = body.get("workers").get(0);
        assertThat(idle.get("name").asText()).isEqualTo("idle-worker");
        assertThat(idle.get("state").asText()).isEqualTo("idle");
        assertThat(idle.get("currentJob").isNull()).isTrue();
        JsonNode busy = body.get("workers").get(1);
        assertThat(busy.get("name").asText()).isEqualTo(Seed.WORKER);
        assertThat(busy.get("hostname").asText()).isEqualTo("box-1");
        assertThat(busy.get("pid").asLong()).isEqualTo(4242);
        assertThat(busy.get("queues").toString()).isEqualTo("[\"reports\",\"mail\"]");
        assertThat(busy.get("state").asText()).isEqualTo("busy");
        assertThat(busy.get("version").asText()).isEqualTo("jrq-0.1.0");
        assertThat(busy.get("successfulJobCount").asLong()).isZero();
        assertThat(busy.get("failedJobCount").asLong()).isZero();
        assertThat(busy.get("totalWorkingTime").asDouble()).isZero();
        assertThat(busy.get("birth").asText()).endsWith("Z");
        assertThat(busy.get("lastHeartbeat").asText()).endsWith("Z");
        JsonNode current = busy.get("currentJob");
        assertThat(current.get("id").asText()).isEqualTo(running.jobId());
        assertThat(current.get("name").asText()).isEqualTo("reports.build");
        assertThat(current.get("description").asText()).isEqualTo("reports.build(3)");
        assertThat(current.get("startedAt").asText()).endsWith("Z");
        assertThat(current.get("runningSeconds").asDouble()).isBetween(0.0, 30.0);
        assertThat(overview.get("workers").toString()).isEqualTo(
                "{\"total\":2,\"byState\":{\"idle\":1,\"busy\":1,\"started\":0,\"suspended\":0}}");
        assertThat(overview.get("queues").get(0).get("counts").get("started").asLong()).isEqualTo(1);
    }
}
