package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class WorkerMainIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void burst_runsTheQueuedJobsWithDiscoveredHandlers_andExitsZero(TestRedis redis) {
        JrqClient client = redis.newClient();
        Job echo = client.queue("high").enqueue("tests.echo", "x");
        Job boom = client.queue("default").enqueue("tests.boom", "y");
        int exit = run("--url", redis.url(), "--burst", "--name", "main-it", "--concurrency", "2", "high", "default");
        assertThat(exit).isZero();
        assertThat(echo.waitForResult(Duration.ofSeconds(1))).isEqualTo(Map.of("args", java.util.List.of("x"),
                "kwargs", Map.of(), "queue", "high"));
        assertThat(boom.status()).isEqualTo(JobStatus.FAILED);
        assertThat(boom.fetch().workerName()).startsWith("main-it.");
    }

    @Test
    void rqSerializerName_isAcceptedAsJson(TestRedis redis) {
        Job job = redis.newClient().queue("default").enqueue("tests.echo", 1);
        assertThat(run("--url", redis.url(), "--burst", "-S", "rq.serializers.JSONSerializer")).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void badUrl_exitsOneWithAOneLineMessage() {
        assertThat(run("--url", "http://localhost:6379", "--burst")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("jrq-worker: bad Redis URL 'http://localhost:6379': scheme must "
                + "be redis or rediss; expected redis://[user:password@]host[:port][/db] or rediss://...");
    }

    @Test
    void unreachableRedis_exitsOneNamingTheAddress() {
        assertThat(run("--url", "redis://127.0.0.1:1", "--burst")).isEqualTo(1);
        assertThat(err.toString()).startsWith("jrq-worker: cannot connect to Redis at redis://127.0.0.1:1/0")
                .doesNotContain("\tat ");
    }

    @Test
    void unknownSerializer_exitsOneListingTheKnownOnes(TestRedis redis) {
        assertThat(run("--url", redis.url(), "--burst", "--serializer", "pickle")).isEqualTo(1);
        assertThat(err.toString()).contains("no serializer named 'pickle'; known: [json]");
    }

    @Test
    void missingPath_exitsOne(TestRedis redis) {
        assertThat(run("--url", redis.url(), "--burst", "--path", "/no/such.jar")).isEqualTo(1);
        assertThat(err.toString()).contains("--path /no/such.jar does not exist");
    }

    @Test
    void help_listsTheOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--url", "--path", "--burst", "--concurrency", "--name", "QUEUE");
    }

    private int run(String... args) {
        return WorkerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
