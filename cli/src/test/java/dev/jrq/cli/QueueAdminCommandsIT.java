package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code jrq empty}, {@code jrq requeue}, {@code jrq suspend} and {@code jrq resume}. */
@ExtendWith(RedisServerExtension.class)
class QueueAdminCommandsIT {

    @Test
    void empty_removesTheWaitingJobs_andPrintsCounts(TestRedis redis) {
        JrqClient client = redis.newClient();
        List<Job> jobs = Jobs.enqueue(client, "default", 1500);
        Jobs.enqueue(client, "high", 3);
        Jobs.enqueue(client, "low", 2);
        Cli cli = Cli.run("empty", "--url", redis.url(), "default", "high", "--progress");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("1500 jobs removed from default queue\n3 jobs removed from high queue\n");
        assertThat(cli.err()).contains("removed 1503/1503");
        assertThat(client.queue("default").count()).isZero();
        assertThat(client.findJob(jobs.get(0).id())).isEmpty();
        assertThat(client.queue("low").count()).isEqualTo(2);
    }

    @Test
    void emptyAll_emptiesEveryQueue(TestRedis redis) {
        JrqClient client = redis.newClient();
        Jobs.enqueue(client, "a", 1);
        Jobs.enqueue(client, "b", 2);
        Cli cli = Cli.run("empty", "--url", redis.url(), "--all");
        assertThat(cli.out()).isEqualTo("1 jobs removed from a queue\n2 jobs removed from b queue\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void emptyUnknownQueue_exitsOne(TestRedis redis) {
        Jobs.enqueue(redis.newClient(), "a", 1);
        Cli cli = Cli.run("empty", "--url", redis.url(), "zz");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: unknown queue 'zz'; known queues: a" + System.lineSeparator());
    }

    @Test
    void requeueAll_movesEveryFailedJobBack_pageByPage(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default");
        Jobs.enqueue(client, "default", 2300);
        Jobs.fail(client, "default", 2300);
        Cli cli = Cli.run("requeue", "--url", redis.url(), "--queue", "default", "--all", "--progress");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("requeued 2300 jobs\n");
        assertThat(cli.err()).contains("requeued 2300/2300");
        assertThat(client.queue("default").registry(RegistryType.FAILED).count()).isZero();
        assertThat(client.queue("default").count()).isEqualTo(2300);
    }

    @Test
    void requeueAll_withoutQueue_takesEveryQueuesFailedJobs(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "a", "b");
        Jobs.enqueue(client, "a", 2);
        Jobs.enqueue(client, "b", 1);
        Jobs.fail(client, "a", 2);
        Jobs.fail(client, "b", 1);
        Cli cli = Cli.run("requeue", "--url", redis.url(), "--all");
        assertThat(cli.out()).isEqualTo("requeued 3 jobs\n");
        assertThat(client.queue("a").count() + client.queue("b").count()).isEqualTo(3);
    }

    @Test
    void requeueIds_requeuesThose_andNamesAJobThatIsNotFailed(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Jobs.register(client, "default");
        List<Job> jobs = Jobs.enqueue(client, "default", 3);
        Jobs.fail(client, "default", 2);
        Cli cli = Cli.run("requeue", "--url", redis.url(), jobs.get(0).id(), jobs.get(1).id());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(jobs.get(0).status()).isEqualTo(JobStatus.QUEUED);
        Cli notFailed = Cli.run("requeue", "--url", redis.url(), jobs.get(2).id());
        assertThat(notFailed.exit()).isEqualTo(1);
        assertThat(notFailed.out()).isEqualTo("requeued 0 jobs\n");
        assertThat(notFailed.err()).startsWith("jrq: job " + jobs.get(2).id() + " is queued and not in the failed "
                + "registry").hasLineCount(1);
        Cli missing = Cli.run("requeue", "--url", redis.url(), "ghost");
        assertThat(missing.err()).isEqualTo("jrq: no job with id 'ghost' (never enqueued, deleted, or expired)"
                + System.lineSeparator());
    }

    @Test
    void requeueUnknownQueue_exitsOne(TestRedis redis) {
        Cli cli = Cli.run("requeue", "--url", redis.url(), "--queue", "zz", "--all");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: unknown queue 'zz'; known queues: none" + System.lineSeparator());
    }

    @Test
    void suspendAndResume_areSeenByWorkersAndByRqInfo(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Cli suspend = Cli.run("suspend", "--url", redis.url());
        assertThat(suspend.exit()).isZero();
        assertThat(suspend.out()).startsWith("Suspending workers.");
        assertThat(client.workerStore().isSuspended()).isTrue();
        assertThat(Cli.run("info", "--url", redis.url()).out()).contains("workers are suspended");
        assertThat(PythonRq.run(redis, "from rq.suspension import is_suspended\nprint(bool(is_suspended(connection)))")
                .strip()).isEqualTo("True");
        Cli resume = Cli.run("resume", "--url", redis.url());
        assertThat(resume.out()).isEqualTo("Resuming workers.\n");
        assertThat(client.workerStore().isSuspended()).isFalse();
    }

    @Test
    void redisConfigFile_isUsedInsteadOfAUrl(TestRedis redis, @TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("redis.yaml"), "singleServerConfig:\n  address: \""
                + redis.url().replaceFirst("/\\d+$", "") + "\"\n");
        Cli cli = Cli.run("suspend", "--redis-config", yaml.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(redis.newClient().workerControl().isSuspended()).isTrue();
        Cli missing = Cli.run("resume", "--redis-config", dir.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).startsWith("jrq: cannot read the Redis configuration file ").hasLineCount(1);
    }

    @Test
    void suspendForADuration_expiresByItself(TestRedis redis) {
        Cli cli = Cli.run("suspend", "--url", redis.url(), "--duration", "90");
        assertThat(cli.out()).startsWith("Suspending workers for 90s.");
        assertThat(redis.ttlSeconds("rq:suspended")).isBetween(80L, 90L);
        assertThat(Cli.run("suspend", "--url", redis.url(), "--duration", "2m").exit()).isZero();
        assertThat(redis.ttlSeconds("rq:suspended")).isBetween(110L, 120L);
    }
}
