package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.core.ClaimedJob;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code jrq info} against a known state: queues in every state and a busy registered worker. */
@ExtendWith(RedisServerExtension.class)
class InfoCommandIT {
    private ClaimedJob running;

    /** default: 4 queued, 1 started, 2 failed, 1 finished, 1 scheduled, 1 deferred, 1 canceled; high: 2; other: 1. */
    @BeforeEach
    void knownState(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default", "high");
        Jobs.enqueue(client, "default", 4);
        Jobs.fail(client, "default", 2);
        Jobs.succeed(client, "default", 1);
        Jobs.enqueue(client, "default", 4);
        client.queue("default").enqueueIn(Duration.ofHours(1), "cli.echo");
        String parent = client.queue("other").enqueue("cli.echo").id();
        client.queue("default").enqueue(dev.jrq.api.JobRequest.of("cli.echo").withOptions(dev.jrq.api.JobOptions
                .builder().dependsOn(dev.jrq.api.Dependency.on(parent)).build()));
        String canceled = client.queue("default").enqueue("cli.echo").id();
        client.queue("default").cancel(canceled);
        Jobs.enqueue(client, "high", 2);
        running = Jobs.start(client, "default");
    }

    @Test
    void text_showsABarPerQueueAndState_totals_andTheWorkerWithItsJob(TestRedis redis) {
        Cli cli = Cli.run("info", "--url", redis.url());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(
                "default      |" + "█".repeat(4) + " 4\n",
                "  started    |█ 1\n",
                "  deferred   |█ 1\n",
                "  scheduled  |█ 1\n",
                "  finished   |█ 1\n",
                "  failed     |" + "█".repeat(2) + " 2\n",
                "  canceled   |█ 1\n",
                "high         |" + "█".repeat(2) + " 2\n",
                "other        |█ 1\n",
                "3 queues, 14 jobs total (7 queued, 1 started, 1 deferred, 1 scheduled, 1 finished, 2 failed, "
                        + "1 canceled)\n",
                Jobs.WORKER + " (box 42): busy default, high (job " + running.jobId() + ")\n",
                "1 workers, 3 queues\n",
                "Updated: ");
    }

    @Test
    void namedQueues_showOnlyThem_andTheirWorkers(TestRedis redis) {
        Cli cli = Cli.run("info", "--url", redis.url(), "other");
        assertThat(cli.out()).startsWith("other        |█ 1\n").doesNotContain("default  ").contains("0 workers, 1 queues");
        assertThat(Cli.run("info", "--url", redis.url(), "--only-workers", "high").out())
                .isEqualTo(Jobs.WORKER + " (box 42): busy default, high (job " + running.jobId() + ")\n"
                        + "1 workers, 1 queues\n");
    }

    @Test
    void raw_printsRqInfosRawLines(TestRedis redis) {
        Cli cli = Cli.run("info", "--url", redis.url(), "--raw");
        assertThat(cli.out()).isEqualTo("queue default 4\nqueue high 2\nqueue other 1\n"
                + "worker " + Jobs.WORKER + " busy default,high\n");
    }

    @Test
    void json_isOneDocumentWithCountsWorkersAndTotals(TestRedis redis) throws Exception {
        Cli cli = Cli.run("info", "--url", redis.url(), "--json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode info = new JsonMapper().readTree(cli.out());
        JsonNode queue = info.get("queues").get(0);
        assertThat(queue.get("name").asText()).isEqualTo("default");
        assertThat(queue.get("queued").asLong()).isEqualTo(4);
        assertThat(queue.get("failed").asLong()).isEqualTo(2);
        assertThat(queue.get("total").asLong()).isEqualTo(11);
        JsonNode worker = info.get("workers").get(0);
        assertThat(worker.get("name").asText()).isEqualTo(Jobs.WORKER);
        assertThat(worker.get("state").asText()).isEqualTo("busy");
        assertThat(worker.get("current_job").asText()).isEqualTo(running.jobId());
        assertThat(info.get("totals").get("jobs").asLong()).isEqualTo(14);
        assertThat(info.get("totals").get("workers").asLong()).isEqualTo(1);
        assertThat(info.get("suspended").asBoolean()).isFalse();
    }

    @Test
    void unknownQueue_exitsOneListingTheKnownOnes(TestRedis redis) {
        Cli cli = Cli.run("info", "--url", redis.url(), "nosuch");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: unknown queue 'nosuch'; known queues: default, high, other"
                + System.lineSeparator());
    }
}
