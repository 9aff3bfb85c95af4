package dev.jrq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.SchedulerStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, {@code java -jar target/jrq-scheduler.jar}, as a process of its own: how it stops. */
@ExtendWith(RedisServerExtension.class)
class SchedulerProcessIT {
    private static final Path JAR = Path.of("target/jrq-scheduler.jar");

    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void sigterm_runningScheduler_releasesItsLocksAndExitsZero(TestRedis redis, @TempDir Path dir)
            throws IOException, InterruptedException {
        redis.newClient().queue("mail").enqueue("rqjobs.noop"); // why: registers the queue, so "every queue" has it
        Path log = dir.resolve("scheduler.log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "--url", redis.url(), "--name", "sched-term", "--lock-ttl", "60s")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SchedulerStore store = SchedulerStore.of(redis.newClient());
        await().atMost(Duration.ofSeconds(30)).until(() -> store.lockHolder("mail").isPresent());
        assertThat(redis.raw().getBucket("rq:scheduler-lock:mail", org.redisson.client.codec.StringCodec.INSTANCE)
                .get()).isEqualTo(String.valueOf(process.pid()));

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited; output:%n%s", Files.readString(log)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(redis.raw().getKeys().countExists("rq:scheduler-lock:mail", "jrq:scheduler-lock-owner:mail"))
                .as("locks let go, long before their 60 s expiry").isZero();
        assertThat(Files.readString(log)).contains("SIGTERM: stopping", "Scheduler sched-term stopped");
    }
}
