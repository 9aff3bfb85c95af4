package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shaded jar and the {@code ./jrq} launcher as real processes. */
@ExtendWith(RedisServerExtension.class)
class LauncherIT {
    private static final Path JAR = Path.of("target", "jrq.jar");
    private static final Path LAUNCHER = Path.of("..", "jrq");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void launcher_isExecutable_andShowsHelp() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        Run run = run(List.of(LAUNCHER.toString(), "--help"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: jrq ").contains("enqueue", "worker", "requeue");
    }

    @Test
    void launcher_runsInfoAgainstRedis(TestRedis redis) throws Exception {
        redis.newClient().queue("default").enqueue("cli.echo", 1);
        Run run = run(List.of(LAUNCHER.toString(), "info", "--url", redis.url()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("default      |█ 1\n").contains("1 queues, 1 jobs total");
    }

    @Test
    void jar_readsRedisFromJrqRedisUrl(TestRedis redis) throws Exception {
        redis.newClient().queue("from-env").enqueue("cli.echo");
        ProcessBuilder builder = new ProcessBuilder(java("info", "-Q"));
        builder.environment().put("JRQ_REDIS_URL", redis.url());
        Run run = run(builder);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("from-env     |█ 1\n");
    }

    @Test
    void jar_userError_isOneLineOnStderr_exitOne() throws Exception {
        Run run = run(java("info", "--url", "nope://x"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("jrq: bad Redis URL 'nope://x'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void jarWorker_burst_runsAJobEnqueuedWithTheJar(TestRedis redis) throws Exception {
        Run enqueue = run(java("enqueue", "--url", redis.url(), "cli.echo", ":7", "who=ada"));
        assertThat(enqueue.exit()).as(enqueue.err()).isZero();
        Run worker = run(java("worker", "--url", redis.url(), "--burst", "--concurrency", "1", "--path",
                Path.of("target", "test-classes").toString(), "default"));
        assertThat(worker.exit()).as(worker.err()).isZero();
        JrqClient client = redis.newClient();
        Job job = client.job(enqueue.out().strip());
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.waitForResult(Duration.ofSeconds(1))).isEqualTo(Map.of("args", List.of(7),
                "kwargs", Map.of("who", "ada")));
    }

    @Test
    void jarDashboard_servesTheOverview_untilSigterm(TestRedis redis) throws Exception {
        redis.newClient().queue("default").enqueue("cli.echo");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("jrq-dashboard", ".log");
        Process process = new ProcessBuilder(java("dashboard", "--url", redis.url(), "--port", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest overview = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/overview")).build();
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> http.send(overview,
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        assertThat(http.send(overview, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("default");
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void infoInterval_redrawsUntilCtrlC_thenExitsZero(TestRedis redis) throws Exception {
        redis.newClient().queue("default").enqueue("cli.echo");
        Path out = Files.createTempFile("jrq-info", ".out");
        Process process = new ProcessBuilder(java("info", "--url", redis.url(), "--interval", "0.2", "-Q"))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(Files.readString(out), "\033[H\033[2J") >= 2);
        // why: a process started in the background by a shell without job control inherits SIGINT ignored, and
        // the JVM then never sees Ctrl-C; there the test stops it as a service manager would, with SIGTERM
        boolean interruptIgnored = interruptIgnoredHere();
        if (interruptIgnored) {
            System.out.println("[jrq-test] SIGINT is ignored in this test's process (started in the background); "
                    + "stopping jrq info with SIGTERM instead of Ctrl-C");
        }
        new ProcessBuilder("kill", interruptIgnored ? "-TERM" : "-INT", String.valueOf(process.pid())).start()
                .waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (!interruptIgnored) {
            assertThat(process.exitValue()).isZero();
        }
        assertThat(Files.readString(out)).contains("default      |█ 1\n");
    }

    /** Whether this JVM inherited SIGINT as ignored (bit 2 of {@code SigIgn} in /proc/self/status). */
    private static boolean interruptIgnoredHere() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command));
    }

    private Run run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jrq", ".out");
        Path err = Files.createTempFile("jrq", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(process);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", builder.command()).isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private record Run(int exit, String out, String err) {
    }
}
