package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.Retry;
import dev.jrq.core.Job;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery guarantee, from outside: worker JVMs killed with {@code kill -9} and a Redis restarted mid-run
 * (append-only file on) leave no job lost, none in limbo, none finished twice.
 */
class WorkerCrashIT {
    private static final int JOBS = 300;

    @TempDir
    Path dataDir;
    private RedisProcess redis;
    private JrqClient client;
    private final List<Process> workers = new ArrayList<>();

    @BeforeEach
    void startRedis() {
        redis = RedisProcess.startAppendOnly(dataDir);
        client = JrqClient.connect(RedisConfig.fromUrl(redis.url()));
    }

    @AfterEach
    void stopAll() {
        workers.forEach(Process::destroyForcibly);
        client.close();
        redis.stop();
    }

    @Test
    void killMinus9MidRun_everyJobEndsOnce_finishedOrFailedAsAbandoned() throws Exception {
        List<Job> jobs = enqueue();
        Process first = startWorker("first");
        await().atMost(Duration.ofSeconds(60)).until(() -> finishedCount() >= JOBS / 5);
        first.destroyForcibly().waitFor(); // kill -9, with jobs running
        long runningWhenKilled = client.queue("default").registry(RegistryType.STARTED).count();
        startWorker("second");
        awaitAllEnded(jobs);

        assertEveryJobEndedOnce(jobs);
        System.out.printf("[crash-test] kill -9 left %d job(s) running; after recovery: %s%n", runningWhenKilled,
                outcomes(jobs));
    }

    @Test
    void redisRestartMidRun_theWorkerCarriesOn_andEveryJobEndsOnce() throws Exception {
        List<Job> jobs = enqueue();
        Process worker = startWorker("survivor");
        await().atMost(Duration.ofSeconds(60)).until(() -> finishedCount() >= JOBS / 5);
        redis.stop();
        Thread.sleep(1_000); // why: Redis stays down a moment, as in a real restart
        redis.startAgain();
        awaitAllEnded(jobs);

        assertThat(worker.isAlive()).as("the same worker process carried on").isTrue();
        assertEveryJobEndedOnce(jobs);
        System.out.printf("[crash-test] Redis restart: %s%n", outcomes(jobs));
    }

    private List<Job> enqueue() {
        List<JobRequest> requests = IntStream.range(0, JOBS).mapToObj(i -> JobRequest.of("tests.sleep", 20)
                .withOptions(i % 2 == 0 ? JobOptions.defaults()
                        : JobOptions.builder().retry(Retry.max(1)).build())).toList();
        return client.queue("default").enqueueMany(requests);
    }

    private void awaitAllEnded(List<Job> jobs) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                jobs.stream().allMatch(job -> job.status().isFinal()));
    }

    private void assertEveryJobEndedOnce(List<Job> jobs) {
        assertThat(client.queue("default").count()).as("nothing left queued").isZero();
        assertThat(client.queue("default").registry(RegistryType.STARTED).count()).as("nothing in limbo").isZero();
        for (Job job : jobs) {
            List<JobResult> results = job.results();
            long successes = results.stream().filter(JobResult::isSuccessful).count();
            JobStatus status = job.status();
            if (status == JobStatus.FINISHED) {
                assertThat(successes).as("job %s finished exactly once", job.id()).isEqualTo(1);
            } else {
                assertThat(status).isEqualTo(JobStatus.FAILED);
                assertThat(successes).isZero();
                assertThat(results.get(0).error()).as("job %s", job.id()).contains("AbandonedJobError");
            }
        }
    }

    private long finishedCount() {
        return client.queue("default").registry(RegistryType.FINISHED).count();
    }

    private static Map<JobStatus, Long> outcomes(List<Job> jobs) {
        return jobs.stream().collect(Collectors.groupingBy(Job::status, Collectors.counting()));
    }

    private Process startWorker(String name) throws IOException {
        String classPath = Path.of("target", "jrq-worker.jar") + File.pathSeparator + Path.of("target", "test-classes");
        Path log = Files.createTempFile("jrq-" + name, ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath, WorkerMain.class.getName(), "--url", redis.url(),
                "--name", name, "--concurrency", "4", "--lease", "3", "default"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        return process;
    }
}
