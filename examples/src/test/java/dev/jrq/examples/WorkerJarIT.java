package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobFailedException;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.jobs.CountVisit;
import dev.jrq.examples.jobs.IAmAJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.client.codec.StringCodec;

/**
 * The worker as users run it, {@code java -jar worker/target/jrq-worker.jar --url ... --path
 * examples/target/jrq-examples.jar --burst default}, in its own process, with jobs written and enqueued in Java.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class WorkerJarIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void burstRun_testJobEnqueuedFromJava_finishesWithItsArgumentAsResult(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        Job number = client.queue("default").enqueue(IAmAJob.class, 7);
        Job document = client.queue("default").enqueue(IAmAJob.class,
                Map.of("name", "Ada", "tags", List.of("x", "y"), "score", 2.5));

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThat(number.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(number.waitForResult(WAIT, Integer.class)).isEqualTo(7);
        assertThat(number.latestResult()).get().extracting(JobResult::type).isEqualTo(JobResult.Type.SUCCESSFUL);
        assertThat(document.waitForResult(WAIT))
                .isEqualTo(Map.of("name", "Ada", "tags", List.of("x", "y"), "score", 2.5));
        assertThat(client.queue("default").count()).isZero();
        assertThat(client.queue("default").registry(RegistryType.FINISHED).contains(number.id())).isTrue();
    }

    @Test
    void burstRun_counterVisitJobs_countRisesByOnePerJobAndEachReturnsTheNewCount(TestRedis redis,
                                                                                   Processes processes) {
        JrqClient client = redis.newClient();
        redis.raw().getBucket(CountVisit.COUNT_KEY, StringCodec.INSTANCE).set("41");
        List<Job> visits = client.queue("default").enqueueMany(
                Collections.nCopies(3, JobRequest.of(CountVisit.class)));

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThat(visits).extracting(visit -> visit.waitForResult(WAIT, Long.class))
                .containsExactlyInAnyOrder(42L, 43L, 44L);
        assertThat(redis.raw().getBucket(CountVisit.COUNT_KEY, StringCodec.INSTANCE).get()).isEqualTo("44");
    }

    @Test
    void burstRun_jobNameWithoutHandler_failsNamingTheKnownHandlersAndTheWorkerGoesOn(TestRedis redis,
                                                                                       Processes processes) {
        JrqClient client = redis.newClient();
        Job unknown = client.queue("default").enqueue("nope");
        Job next = client.queue("default").enqueue(IAmAJob.class, "after the failure");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThat(unknown.status()).isEqualTo(JobStatus.FAILED);
        JobResult failure = unknown.latestResult().orElseThrow();
        assertThat(failure.type()).isEqualTo(JobResult.Type.FAILED);
        assertThat(failure.error())
                .contains("no handler registered for 'nope'; known: "
                        + "[counter.visit, email.send_welcome, test_job.i_am_a_job]");
        assertThatThrownBy(() -> unknown.waitForResult(WAIT)).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("ended failed").hasMessageContaining("no handler registered for 'nope'");
        assertThat(client.queue("default").registry(RegistryType.FAILED).contains(unknown.id())).isTrue();
        assertThat(next.waitForResult(WAIT)).isEqualTo("after the failure");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUrls")
    void start_malformedUrl_exitsOneWithAOneLineMessage(String url, String message, Processes processes) {
        RunningProcess worker = processes.worker(url, "--burst", "default");

        assertThat(worker.awaitExit(RunningProcess.TIMEOUT)).isEqualTo(1);
        assertThat(worker.stderr().lines()).containsExactly("jrq-worker: " + message);
        assertThat(worker.stdout()).isEmpty();
    }

    @Test
    void start_noRedisListening_exitsOneWithAOneLineMessage(Processes processes) {
        int closedPort = closedPort();

        RunningProcess worker = processes.worker("redis://127.0.0.1:" + closedPort, "--burst", "default");

        assertThat(worker.awaitExit(RunningProcess.TIMEOUT)).isEqualTo(1);
        assertThat(worker.stderr().lines()).singleElement(InstanceOfAssertFactories.STRING)
                .startsWith("jrq-worker: cannot connect to Redis at redis://127.0.0.1:" + closedPort + "/0");
        assertThat(worker.stdout()).isEmpty();
    }

    @Test
    void start_pathThatDoesNotExist_exitsOneWithAOneLineMessage(TestRedis redis, Processes processes) {
        RunningProcess worker = processes.worker(redis.url(), "--path", "no-such-jobs.jar", "--burst", "default");

        assertThat(worker.awaitExit(RunningProcess.TIMEOUT)).isEqualTo(1);
        assertThat(worker.stderr().lines()).containsExactly(
                "jrq-worker: --path no-such-jobs.jar does not exist (expected a jar or a folder of classes)");
    }

    static Stream<Arguments> malformedUrls() {
        return Stream.of(
                Arguments.of("http://127.0.0.1:6379", "bad Redis URL 'http://127.0.0.1:6379': scheme must be redis "
                        + "or rediss; expected redis://[user:password@]host[:port][/db] or rediss://..."),
                Arguments.of("redis://127.0.0.1:6379/x", "bad Redis URL 'redis://127.0.0.1:6379/x': the database 'x' "
                        + "is not a number; expected redis://host:port/db with db >= 0"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
