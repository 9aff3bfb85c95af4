package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README's {@code sh} blocks, run as a reader types it (from the root of the checkout, against
 * this test's Redis), with what the README says it does checked; {@link #everyReadmeCommandRan()} fails when the
 * README shows a command no test here ran, so the README cannot rot.
 */
@ExtendWith(RedisServerExtension.class)
class ReadmeCommandsIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Readme README = Readme.read(ReadmeShell.ROOT.resolve("README.md"));
    private static final Set<String> RAN = ConcurrentHashMap.newKeySet();
    /** README commands this class does not run, and where they do run. */
    private static final Map<String, String> RUN_ELSEWHERE = Map.of(
            "mvn -B verify", ".ci/run runs it (this test is part of it)",
            "mvn -B -q install -DskipTests", "mvn -B verify, which .ci/run runs, builds the same jars");

    private TestRedis redis;
    private JrqClient client;
    private ReadmeShell shell;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.shell = new ReadmeShell(README.commands(), RAN, redis.url());
    }

    @AfterEach
    void stopProcesses() {
        shell.close();
    }

    @AfterAll
    static void everyReadmeCommandRan() {
        Set<String> missing = new LinkedHashSet<>(README.commands());
        missing.removeAll(RAN);
        missing.removeAll(RUN_ELSEWHERE.keySet());
        assertThat(missing).as("README commands that no test runs").isEmpty();
    }

    @Test
    void setUp_theDemoRunsUntilStopped() {
        RunningProcess demo = shell.start("java -jar examples/target/jrq-demo.jar");

        demo.awaitOutput("Ctrl-C stops.");
        assertThat(demo.stop()).as("exit code after SIGTERM: stopped by the signal, cleanly").isEqualTo(143);
        assertThat(demo.output()).contains("Demo stopped.");
    }

    @Test
    void walkthrough_enqueueWatchRunScheduleAndCountVisits() throws IOException {
        int dashboardPort = Http.freePort();
        shell.replacing("java -jar dashboard/target/jrq-dashboard.jar",
                "java -jar dashboard/target/jrq-dashboard.jar --port " + dashboardPort);
        assertThat(shell.run("./jrq enqueue test_job.i_am_a_job hello --job-id first-job").stdout())
                .isEqualTo("first-job\n");
        assertThat(shell.run("./jrq info").stdout()).contains("default");

        shell.start("java -jar dashboard/target/jrq-dashboard.jar");
        String overview = "http://127.0.0.1:" + dashboardPort + "/api/overview";
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.get(overview).contains("\"queued\":1"));

        shell.run("./jrq worker --path examples/target/jrq-examples.jar --burst default");
        assertThat(shell.run("./jrq job first-job").stdout()).contains("finished").contains("hello");

        String later = shell.run("./jrq enqueue test_job.i_am_a_job later --schedule-in 10s").stdout().strip();
        assertThat(client.queue("default").registry(RegistryType.SCHEDULED).contains(later)).isTrue();
        shell.run("./jrq scheduler add visits --every 30s --job counter.visit");
        assertThat(ScheduleStore.of(client).find("visits")).isPresent();
        RunningProcess worker = shell.start(
                "./jrq worker --path examples/target/jrq-examples.jar --with-scheduler default");
        await().atMost(WAIT).until(() -> client.job(later).status() == JobStatus.FINISHED);

        int pageVisitPort = Http.freePort();
        shell.replacing("5000", Integer.toString(pageVisitPort));
        shell.start("java -jar examples/target/jrq-page-visit.jar --port 5000");
        String site = "http://127.0.0.1:" + pageVisitPort + "/";
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.status(site) == 200);
        assertThat(shell.run("curl http://127.0.0.1:5000/visit").stdout()).contains("Visit has been registered");
        await().atMost(WAIT).untilAsserted(() -> assertThat(shell.run("curl http://127.0.0.1:5000/").stdout())
                .containsPattern("Congrats! You are the visitor no\\.: [1-9]"));
        assertThat(worker.stop()).isZero();
    }

    @Test
    void worker_runsQueuedJobsFromTheExamplesJar() {
        Job job = client.queue("default").enqueue("test_job.i_am_a_job", 7);
        shell.run("java -jar worker/target/jrq-worker.jar --url redis://127.0.0.1:6379 "
                + "--path examples/target/jrq-examples.jar --burst default");
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);

        Job welcome = job(shell.run("./jrq enqueue email.send_welcome ada@example.com Ada"));
        RunningProcess worker = shell.start(
                "java -jar worker/target/jrq-worker.jar --path examples/target/jrq-examples.jar default");
        assertThat(welcome.waitForResult(WAIT)).isEqualTo(Map.of("to", "ada@example.com", "mails_sent", 1));
        assertThat(shell.run("java -cp examples/target/jrq-demo.jar dev.jrq.examples.Producer").stdout())
                .contains("Hello from JRQ");
        assertThat(worker.stop()).isZero();
    }

    @Test
    void scheduler_movesDueJobsAndManagesSchedules(@TempDir Path dir) throws IOException {
        JobQueue queue = client.queue("default");
        for (String command : new String[] {"java -jar scheduler/target/jrq-scheduler.jar --url redis://127.0.0.1:6379",
                "java -jar scheduler/target/jrq-scheduler.jar --url redis://127.0.0.1:6379 default mail"}) {
            Job due = queue.enqueueAt(Instant.now().minusSeconds(1), "test_job.i_am_a_job", 1);
            RunningProcess scheduler = shell.start(command);
            await().atMost(WAIT).until(() -> due.status() == JobStatus.QUEUED);
            assertThat(scheduler.stop()).isZero();
        }
        Job due = queue.enqueueAt(Instant.now().minusSeconds(1), "test_job.i_am_a_job", 2);
        RunningProcess worker = shell.start(
                "java -jar worker/target/jrq-worker.jar --path examples/target/jrq-examples.jar --with-scheduler default");
        await().atMost(WAIT).until(() -> due.status() == JobStatus.FINISHED);
        assertThat(worker.stop()).isZero();

        shell.run("java -jar scheduler/target/jrq-scheduler.jar add digest --cron \"0 8 * * MON-FRI\" "
                + "--timezone Europe/Paris --job mail.digest --queue mail --arg '\"fr\"' --kwarg 'to={\"team\":\"ops\"}' "
                + "--timeout 5m --retry 3 --retry-intervals 10s,1m");
        shell.run("java -jar scheduler/target/jrq-scheduler.jar add heartbeat --every 30s --job counter.visit");
        assertThat(shell.run("java -jar scheduler/target/jrq-scheduler.jar list").stdout())
                .contains("digest").contains("heartbeat");
        shell.run("java -jar scheduler/target/jrq-scheduler.jar pause digest");
        assertThat(ScheduleStore.of(client).get("digest").paused()).isTrue();
        shell.run("java -jar scheduler/target/jrq-scheduler.jar resume digest");
        assertThat(ScheduleStore.of(client).get("digest").paused()).isFalse();
        shell.run("java -jar scheduler/target/jrq-scheduler.jar remove digest");
        assertThat(ScheduleStore.of(client).find("digest")).isEmpty();

        Path file = dir.resolve("schedules.yaml");
        Files.writeString(file, README.blocks("yaml").stream().filter(yaml -> yaml.startsWith("schedules:"))
                .findFirst().orElseThrow());
        shell.replacing("load schedules.yaml", "load " + file);
        shell.run("java -jar scheduler/target/jrq-scheduler.jar load schedules.yaml");
        assertThat(ScheduleStore.of(client).find("nightly-report")).isPresent();
        assertThat(shell.run("./jrq scheduler list").stdout()).contains("nightly-report");
    }

    @Test
    void dashboard_servesTheApiWithCredentialsAndReadOnly() throws IOException {
        int port = Http.freePort();
        shell.replacing("9181", Integer.toString(port));
        RunningProcess dashboard = shell.start(
                "java -jar dashboard/target/jrq-dashboard.jar --url redis://127.0.0.1:6379 --port 9181");
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.get(overview(port)).contains("\"queues\""));
        assertThat(dashboard.stop()).isZero();

        shell.replacing("--bind 0.0.0.0", "--bind 0.0.0.0 --port " + port);
        shell.start("JRQ_DASHBOARD_USERNAME=ops JRQ_DASHBOARD_PASSWORD=s3cret "
                + "java -jar dashboard/target/jrq-dashboard.jar --bind 0.0.0.0");
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.status(overview(port)) == 401);
        assertThat(shell.run("curl -s -u ops:s3cret http://127.0.0.1:9181/api/overview").stdout())
                .contains("\"queues\"");
        Job failed = client.queue("default").enqueue("no.such.job");
        shell.run("java -jar worker/target/jrq-worker.jar --url redis://127.0.0.1:6379 "
                + "--path examples/target/jrq-examples.jar --burst default");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(shell.run("curl -s -u ops:s3cret -X POST -H 'X-Requested-By: jrq' "
                + "http://127.0.0.1:9181/api/queues/default/failed/requeue -d '{\"all\": true}'").stdout())
                .contains("\"requeued\":1");
        assertThat(failed.status()).isEqualTo(JobStatus.QUEUED);
        shell.close();

        shell.replacing("--read-only", "--read-only --port " + port);
        shell.start("java -jar dashboard/target/jrq-dashboard.jar --read-only");
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.get(overview(port)).contains("\"readOnly\":true"));
        shell.close();

        shell.start("./jrq dashboard --port 9181");
        await().atMost(WAIT).ignoreExceptions().until(() -> Http.get(overview(port)).contains("\"queues\""));
    }

    @Test
    void jrqCommand_everyReferenceExample() {
        JobQueue queue = client.queue("default");
        queue.enqueue("test_job.i_am_a_job", 1);
        assertThat(shell.run("./jrq info").stdout()).contains("default");
        RunningProcess watching = shell.start("./jrq info default high --interval 1");
        watching.awaitOutput("default");
        watching.destroy();
        assertThat(shell.run("./jrq info --json").stdout()).startsWith("{").contains("\"default\"");

        assertThat(job(shell.run("./jrq enqueue test_job.i_am_a_job 7")).fetch().payload().args())
                .containsExactly("7");
        assertThat(job(shell.run("./jrq enqueue email.send_welcome ada@example.com Ada --queue default --timeout 5m "
                + "--retry-max 3 --retry-interval 10s")).fetch().timeout()).isEqualTo(Duration.ofMinutes(5));
        Job scheduled = job(shell.run("./jrq enqueue counter.visit --schedule-in 1m"));
        assertThat(scheduled.status()).isEqualTo(JobStatus.SCHEDULED);

        queue.enqueue(dev.jrq.api.JobRequest.of("test_job.i_am_a_job", "x")
                .withOptions(dev.jrq.api.JobOptions.builder().jobId("first-job").build()));
        assertThat(shell.run("./jrq job first-job").stdout()).contains("first-job").contains("queued");
        shell.run("./jrq cancel first-job");
        assertThat(client.job("first-job").status()).isEqualTo(JobStatus.CANCELED);

        Job failed = queue.enqueue("no.such.job");
        shell.run("./jrq worker --path examples/target/jrq-examples.jar --burst default");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(shell.run("./jrq requeue --all").output()).contains("1");
        assertThat(failed.status()).isEqualTo(JobStatus.QUEUED);
        shell.run("./jrq empty default");
        assertThat(queue.count()).isZero();

        shell.run("./jrq suspend --duration 60");
        assertThat(client.workerControl().isSuspended()).isTrue();
        shell.run("./jrq resume");
        assertThat(client.workerControl().isSuspended()).isFalse();
    }

    @Test
    void serializerPlugin_cborJobsRunByAWorkerWithThePlugin() {
        RunningProcess producer = shell.start("java -cp examples/target/jrq-demo.jar:"
                + "examples/cbor-serializer/target/jrq-cbor-serializer.jar dev.jrq.examples.Producer --serializer cbor");
        await().atMost(WAIT).until(() -> client.queue("default").count() == 1);
        shell.run("java -jar worker/target/jrq-worker.jar --serializer cbor --path "
                + "examples/cbor-serializer/target/jrq-cbor-serializer.jar:examples/target/jrq-examples.jar --burst");
        producer.awaitSuccess();
        assertThat(producer.stdout()).contains("Hello from JRQ");
    }

    @Test
    void benchmark_printsItsTableOnASmallRun() {
        // why: the README's run takes minutes; the same command on a few hundred jobs checks it works and reports
        shell.replacing("java -jar bench/target/jrq-bench.jar", "java -jar bench/target/jrq-bench.jar --jobs 300 "
                + "--warmup 100 --audit-jobs 100 --seconds 1 --rate 100 --concurrency 2");
        RunningProcess bench = shell.start("java -jar bench/target/jrq-bench.jar");

        assertThat(bench.awaitExit(Duration.ofMinutes(3))).as("exit code; output:\n%s", bench.output()).isZero();
        assertThat(bench.stdout()).contains("enqueue").contains("drain c2").contains("jobs/s");
    }

    private static String overview(int port) {
        return "http://127.0.0.1:" + port + "/api/overview";
    }

    private Job job(RunningProcess enqueue) {
        return client.job(enqueue.stdout().strip());
    }
}
