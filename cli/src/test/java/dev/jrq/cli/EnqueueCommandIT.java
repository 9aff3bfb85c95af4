package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code jrq enqueue}: each option as the RQ field a Python worker reads, schedules, files of jobs. */
@ExtendWith(RedisServerExtension.class)
class EnqueueCommandIT {
    @TempDir
    Path dir;

    @Test
    void enqueue_storesNameArgsAndKwargs_andPrintsTheId(TestRedis redis) {
        Cli cli = Cli.run("enqueue", "--url", redis.url(), "test_job.i_am_a_job", "ada", ":7", "lang=en",
                "tags:=[\"a\", 2]");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JobRecord job = redis.newClient().fetchJob(cli.line());
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.origin()).isEqualTo("default");
        assertThat(job.jobName()).isEqualTo("test_job.i_am_a_job");
        assertThat(job.payload().args()).containsExactly("ada", 7);
        assertThat(job.payload().kwargs()).isEqualTo(Map.of("lang", "en", "tags", List.of("a", 2)));
        assertThat(job.description()).isEqualTo("test_job.i_am_a_job('ada', 7, lang='en', tags=['a', 2])");
        assertThat(redis.newClient().queue("default").jobIds(0, 10)).containsExactly(cli.line());
    }

    @Test
    void everyOption_becomesTheRqField(TestRedis redis) {
        JrqClient client = redis.newClient();
        String parent = Cli.run("enqueue", "--url", redis.url(), "-q", "high", "parent.job").line();
        Cli cli = Cli.run("enqueue", "--url", redis.url(), "--queue", "high", "--timeout", "5m", "--result-ttl",
                "-1", "--ttl", "1h", "--failure-ttl", "2d", "--description", "nightly report", "--depends-on",
                parent, "--job-id", "report-1", "--retry-max", "3", "--retry-interval", "10",
                "--retry-interval", "30,60", "report.build", ":2026");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.line()).isEqualTo("report-1");
        Map<String, String> hash = redis.hash("rq:job:report-1");
        assertThat(hash).containsEntry("origin", "high").containsEntry("timeout", "300")
                .containsEntry("result_ttl", "-1").containsEntry("ttl", "3600").containsEntry("failure_ttl", "172800")
                .containsEntry("description", "nightly report").containsEntry("retries_left", "3")
                .containsEntry("retry_intervals", "[10, 30, 60]").containsEntry("status", "deferred");
        assertThat(hash.get("dependency_ids")).contains(parent);
        assertThat(client.queue("high").registry(RegistryType.DEFERRED).contains("report-1")).isTrue();
    }

    @Test
    void atFront_putsTheJobAtTheHead(TestRedis redis) {
        String first = Cli.run("enqueue", "--url", redis.url(), "a.job").line();
        String front = Cli.run("enqueue", "--url", redis.url(), "--at-front", "b.job").line();
        assertThat(redis.newClient().queue("default").jobIds(0, 10)).containsExactly(front, first);
    }

    @Test
    void pythonRq_readsTheEnqueuedJob(TestRedis redis) throws Exception {
        String id = Cli.run("enqueue", "--url", redis.url(), "--timeout", "90", "--retry-max", "2",
                "test_job.i_am_a_job", ":7", "who=ada", "opts:={\"deep\": [1, null]}").line();
        String read = PythonRq.run(redis, """
                from rq.job import Job
                from rq.serializers import JSONSerializer
                job = Job.fetch(%s, connection=connection, serializer=JSONSerializer)
                print(job.func_name, job.args, job.kwargs, job.get_status(), job.origin, job.timeout, job.retries_left)
                """.formatted(PythonRq.quote(id)));
        assertThat(read.strip()).isEqualTo("test_job.i_am_a_job [7] {'who': 'ada', 'opts': {'deep': [1, None]}} "
                + "queued default 90 2");
    }

    @Test
    void scheduleIn_landsInTheScheduledRegistry(TestRedis redis) {
        long before = Instant.now().getEpochSecond();
        String id = Cli.run("enqueue", "--url", redis.url(), "-q", "later", "--schedule-in", "10m", "x.y").line();
        assertThat(redis.hash("rq:job:" + id)).containsEntry("status", "scheduled");
        long due = (long) Double.parseDouble(redis.zscore("rq:scheduled:later", id));
        assertThat(due).isBetween(before + 600, Instant.now().getEpochSecond() + 600);
        assertThat(redis.newClient().queue("later").count()).isZero();
    }

    @Test
    void scheduleAt_withoutOffset_isUtc(TestRedis redis) {
        String id = Cli.run("enqueue", "--url", redis.url(), "--schedule-at", "2031-05-27T21:45:00", "x.y").line();
        assertThat(redis.zscore("rq:scheduled:default", id))
                .isEqualTo(String.valueOf(Instant.parse("2031-05-27T21:45:00Z").getEpochSecond()));
    }

    @Test
    void missingParent_exitsOneNamingIt(TestRedis redis) {
        Cli cli = Cli.run("enqueue", "--url", redis.url(), "--depends-on", "ghost", "x.y");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: no job with id 'ghost' (never enqueued, deleted, or expired)"
                + System.lineSeparator());
    }

    @Test
    void file_enqueuesOneJobALine_inBatches_withProgress(TestRedis redis) throws Exception {
        StringBuilder lines = new StringBuilder("# name args...\n\n");
        for (int i = 0; i < 2500; i++) {
            lines.append("cli.echo :").append(i).append(" 'note=line ").append(i).append("'\n");
        }
        Path file = Files.writeString(dir.resolve("jobs.txt"), lines);
        Cli cli = Cli.run("enqueue", "--url", redis.url(), "-q", "bulk", "--result-ttl", "60", "--file",
                file.toString(), "--progress");
        assertThat(cli.exit()).as(cli.err()).isZero();
        List<String> ids = cli.out().lines().toList();
        assertThat(ids).hasSize(2500).doesNotHaveDuplicates();
        assertThat(cli.err()).contains("enqueued 2500/2500");
        JrqClient client = redis.newClient();
        assertThat(client.queue("bulk").count()).isEqualTo(2500);
        JobRecord last = client.fetchJob(ids.get(2499));
        assertThat(last.payload().args()).containsExactly(2499);
        assertThat(last.payload().kwargs()).isEqualTo(Map.of("note", "line 2499"));
        assertThat(last.resultTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fileWithABadLine_enqueuesNothing_andNamesTheLine(TestRedis redis) throws Exception {
        Path file = Files.writeString(dir.resolve("jobs.txt"), "cli.echo :1\ncli.echo :{oops\n");
        Cli cli = Cli.run("enqueue", "--url", redis.url(), "--file", file.toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).startsWith("jrq: " + file + ":2: cannot parse 1. positional argument as JSON: "
                + "':{oops'");
        assertThat(redis.newClient().queues()).isEmpty();
    }
}
