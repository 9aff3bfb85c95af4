package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker jar as a real process: SIGTERM once for a warm shutdown, twice for a cold one. */
@ExtendWith(RedisServerExtension.class)
class WorkerProcessIT {
    private Process process;
    private Path log;
    private int metricsPort;

    @AfterEach
    void killProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void sigterm_letsTheRunningJobFinish_thenExitsZero(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job done = client.queue("default").enqueue("tests.echo", 1);
        Job job = client.queue("default").enqueue("tests.sleep", 1_500);
        startWorker(redis);
        await().atMost(Duration.ofSeconds(20)).until(() -> job.status() == JobStatus.STARTED);
        assertThat(done.status()).isEqualTo(JobStatus.FINISHED);
        String metrics = scrapeMetrics();
        assertThat(metrics).contains("jrq_jobs_completed_total{job=\"tests.echo\",outcome=\"finished\","
                + "queue=\"default\"} 1.0").contains("jrq_jobs_running 1.0")
                .contains("jrq_job_duration_seconds_bucket{job=\"tests.echo\"");
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited; log:%n%s", logText()).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(client.workers()).isEmpty();
    }

    @Test
    void secondSigterm_requeuesTheRunningJobAtTheFront_andExits130(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.sleep", 60_000);
        startWorker(redis);
        await().atMost(Duration.ofSeconds(20)).until(() -> job.status() == JobStatus.STARTED);
        process.destroy();
        await().atMost(Duration.ofSeconds(10)).until(() -> logText().contains("warm shutdown"));
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited; log:%n%s", logText()).isTrue();
        assertThat(process.exitValue()).isEqualTo(WorkerMain.EXIT_COLD);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(client.queue("default").jobIds(0, 1)).containsExactly(job.id());
        assertThat(job.latestResult().orElseThrow().type()).isEqualTo(JobResult.Type.STOPPED);
        assertThat(client.workers()).isEmpty();
    }

    private String scrapeMetrics() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void startWorker(TestRedis redis) throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        }
        String classPath = Path.of("target", "jrq-worker.jar") + File.pathSeparator + Path.of("target", "test-classes");
        log = Files.createTempFile("jrq-worker", ".log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classPath, WorkerMain.class.getName(), "--url", redis.url(),
                "--name", "proc", "--concurrency", "1", "--metrics-port", String.valueOf(metricsPort), "default"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String logText() throws IOException {
        return Files.readString(log);
    }
}
