package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code jrq job} and {@code jrq cancel}. */
@ExtendWith(RedisServerExtension.class)
class JobCommandsIT {

    @Test
    void job_showsStatusArgumentsMetaAndFields(TestRedis redis) {
        String id = Cli.run("enqueue", "--url", redis.url(), "--job-id", "j1", "--retry-max", "2", "report.build",
                ":[1, 2]", "who=ada").line();
        Cli cli = Cli.run("job", "--url", redis.url(), id);
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("id              j1\n", "status          queued\n", "queue           default\n",
                "name            report.build\n", "description     report.build([1, 2], who='ada')\n",
                "kwargs          {\n", "\"who\" : \"ada\"", "result          -\n", "fields:\n",
                "  retries_left           2\n", "  origin                 default\n");
    }

    @Test
    void job_showsWhatItWaitsFor_andWhatWaitsForIt(TestRedis redis) {
        String parent = Cli.run("enqueue", "--url", redis.url(), "--job-id", "parent", "a.job").line();
        String child = Cli.run("enqueue", "--url", redis.url(), "--job-id", "child", "--depends-on", parent,
                "b.job").line();
        assertThat(Cli.run("job", "--url", redis.url(), child).out())
                .contains("status          deferred\n", "depends_on      parent (queued)\n", "dependents      -\n");
        assertThat(Cli.run("job", "--url", redis.url(), parent).out()).contains("dependents      child (deferred)\n");
    }

    @Test
    void jobJson_showsTheResultOfAFinishedJob(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default");
        Job job = client.queue("default").enqueue("cli.echo", "x");
        Jobs.succeed(client, "default", Map.of("answer", List.of(42)));
        JsonNode shown = new JsonMapper().readTree(Cli.run("job", "--url", redis.url(), "--json", job.id()).out());
        assertThat(shown.get("status").asText()).isEqualTo("finished");
        assertThat(shown.get("args").get(0).asText()).isEqualTo("x");
        assertThat(shown.get("result").get("answer").get(0).asInt()).isEqualTo(42);
        assertThat(shown.get("worker_name").asText()).isEqualTo(Jobs.WORKER);
        assertThat(shown.get("ended_at").asText()).isNotEmpty();
        assertThat(shown.get("fields").get("status").asText()).isEqualTo("finished");
    }

    @Test
    void jobOfAFailedJob_showsItsExcInfo(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default");
        Job job = client.queue("default").enqueue("cli.echo");
        Jobs.fail(client, "default", 1);
        Cli cli = Cli.run("job", "--url", redis.url(), job.id());
        assertThat(cli.out()).contains("status          failed\n", "exc_info        Traceback: boom 0\n");
    }

    @Test
    void noSuchJob_exitsOneWithOneLine(TestRedis redis) {
        Cli cli = Cli.run("job", "--url", redis.url(), "ghost");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: no job with id 'ghost' (never enqueued, deleted, or expired)"
                + System.lineSeparator());
    }

    @Test
    void cancel_takesAQueuedJobOut(TestRedis redis) {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("cli.echo");
        Cli cli = Cli.run("cancel", "--url", redis.url(), job.id());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("canceled " + job.id() + "\n");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(client.queue("default").count()).isZero();
        assertThat(client.queue("default").registry(RegistryType.CANCELED).contains(job.id())).isTrue();
    }

    @Test
    void cancelOfARunningJob_orAMissingOne_exitsOne(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default");
        Job job = client.queue("default").enqueue("cli.echo");
        Jobs.start(client, "default");
        Cli running = Cli.run("cancel", "--url", redis.url(), job.id());
        assertThat(running.exit()).isEqualTo(1);
        assertThat(running.err()).isEqualTo("jrq: job " + job.id() + " is started; only a queued, deferred or "
                + "scheduled job can be canceled" + System.lineSeparator());
        assertThat(Cli.run("cancel", "--url", redis.url(), "ghost").err())
                .startsWith("jrq: no job with id 'ghost'");
    }
}
