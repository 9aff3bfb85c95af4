package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.SchedulerStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler as users run it, {@code java -jar scheduler/target/jrq-scheduler.jar}, in processes of its own:
 * failover after {@code kill -9} of the active one, metrics over HTTP, the worker's {@code --with-scheduler}, and
 * Python RQ 1.13 both ways ({@code enqueue_at} moved by JRQ, JRQ's {@code enqueueAt} moved by
 * {@code rq worker --with-scheduler}).
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class SchedulerJarIT {
    static final Path SCHEDULER_JAR = Path.of("../scheduler/target/jrq-scheduler.jar");
    private static final Duration LOCK_TTL = Duration.ofSeconds(2);

    @Test
    void failover_activeSchedulerKilledWithSigkill_otherTakesOverAndEveryJobIsQueuedOnce(TestRedis redis,
                                                                                       Processes processes) {
        JrqClient client = redis.newClient();
        JobQueue queue = client.queue("default");
        queue.enqueue("test_job.i_am_a_job", 0); // why: registers the queue, so "every queue" includes it
        queue.empty();
        RunningProcess first = scheduler(processes, redis, "sched-1");
        RunningProcess second = scheduler(processes, redis, "sched-2");
        SchedulerStore store = SchedulerStore.of(client);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.lockHolder("default").isPresent());
        String active = store.lockHolder("default").orElseThrow();
        RunningProcess victim = active.equals("sched-1") ? first : second;
        String survivor = active.equals("sched-1") ? "sched-2" : "sched-1";
        Job beforeKill = queue.enqueueIn(Duration.ofSeconds(1), "test_job.i_am_a_job", 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.count() == 1);

        ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Instant killedAt = Instant.now();
        List<Job> afterKill = List.of(queue.enqueueAt(Instant.now(), "test_job.i_am_a_job", 2),
                queue.enqueueIn(Duration.ofSeconds(1), "test_job.i_am_a_job", 3));

        await().atMost(LOCK_TTL.plusSeconds(5)).until(() -> queue.count() == 3);
        Duration takeover = Duration.between(killedAt, Instant.now());
        System.out.println("[jrq-test] failover after kill -9: jobs queued " + takeover.toMillis() + " ms later");
        assertThat(store.lockHolder("default")).contains(survivor);
        assertThat(queue.jobIds(0, 10)).doesNotHaveDuplicates().containsExactlyInAnyOrder(beforeKill.id(),
                afterKill.get(0).id(), afterKill.get(1).id());
        assertThat(queue.registry(RegistryType.SCHEDULED).count()).isZero();
        assertThat(beforeKill.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void metricsPort_jobMovedAndScheduleRegistered_prometheusTextShowsThem(TestRedis redis, Processes processes,
                                                                           @TempDir Path dir) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueueAt(Instant.now(), "test_job.i_am_a_job", 1);
        Path schedules = dir.resolve("schedules.yaml");
        Files.writeString(schedules, """
                schedules:
                  - name: heartbeat
                    every: 1h
                    job: counter.visit
                """);
        int port = freePort();
        scheduler(processes, redis, "sched-metrics", "--config", schedules.toString(), "--metrics-port",
                String.valueOf(port));
        await().atMost(Duration.ofSeconds(30)).until(() -> client.queue("default").count() == 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(port, "/metrics"))
                .contains("jrq_scheduler_jobs_moved_total{kind=\"scheduled\",queue=\"default\"} 1.0")
                .contains("jrq_scheduler_lateness_seconds_bucket{kind=\"scheduled\",queue=\"default\"")
                .contains("jrq_scheduler_schedules{state=\"active\"} 1.0")
                .contains("jrq_scheduler_schedule_next_run_seconds{queue=\"default\",schedule=\"heartbeat\"}")
                .contains("jrq_scheduler_lock_holder{holder=\"sched-metrics\",queue=\"default\"} 1.0"));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void workerWithScheduler_burst_movesDueJobsThenRunsThem(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        Job due = client.queue("default").enqueueAt(Instant.now().minusSeconds(5), "test_job.i_am_a_job", 42);
        Job later = client.queue("default").enqueueIn(Duration.ofHours(1), "test_job.i_am_a_job", 43);

        processes.worker(redis.url(), "--burst", "--with-scheduler", "default").awaitSuccess();

        assertThat(due.waitForResult(Duration.ofSeconds(5), Integer.class)).isEqualTo(42);
        assertThat(later.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(redis.raw().getKeys().countExists("rq:scheduler-lock:default")).as("lock let go").isZero();
    }

    @Test
    void pythonEnqueueAt_jrqSchedulerJar_pythonSeesItQueuedOnTime(TestRedis redis, Processes processes) {
        PythonRq.requireInstalled();
        PythonRq python = new PythonRq(processes, redis.url());
        Map<String, Object> scheduled = python.run("""
                from datetime import datetime, timedelta, timezone
                job = queue.enqueue_at(datetime.now(timezone.utc) + timedelta(seconds=1), 'test_job.i_am_a_job', 7)
                emit(id=job.id, status=job.get_status())
                """);
        assertThat(scheduled).containsEntry("status", "scheduled");

        scheduler(processes, redis, "sched-py");
        JobQueue queue = redis.newClient().queue("default");
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.count() == 1);

        Map<String, Object> seen = python.run("""
                job = fetch(sys.argv[2])
                emit(status=job.get_status(), queued=job.id in queue.job_ids,
                     scheduled=job.id in queue.scheduled_job_registry.get_job_ids(),
                     enqueued_at=job.enqueued_at.isoformat())
                """, (String) scheduled.get("id"));
        assertThat(seen).containsEntry("status", "queued").containsEntry("queued", true)
                .containsEntry("scheduled", false);
    }

    @Test
    void jrqEnqueueIn_pythonRqWorkerWithScheduler_movesAndRunsIt(TestRedis redis, Processes processes,
                                                                   @TempDir Path dir) throws IOException {
        PythonRq.requireInstalled();
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueueIn(Duration.ofSeconds(1), "test_job.i_am_a_job", 7);
        Files.writeString(dir.resolve("test_job.py"), "def i_am_a_job(arg1):\n    return arg1\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond()
                > Double.parseDouble(redis.zscore("rq:scheduled:default", job.id())));

        processes.rq(dir, "worker", "--burst", "--with-scheduler", "-S", PythonRq.SERIALIZER, "--url",
                redis.url(), "default").awaitSuccess();

        assertThat(job.waitForResult(Duration.ofSeconds(5), Integer.class)).isEqualTo(7);
        assertThat(client.queue("default").registry(RegistryType.SCHEDULED).count()).isZero();
    }

    private static RunningProcess scheduler(Processes processes, TestRedis redis, String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--url", redis.url(), "--name", name, "--lock-ttl",
                millis(LOCK_TTL), "--poll-interval", "200ms"));
        args.addAll(List.of(more));
        return processes.javaJar(SCHEDULER_JAR, Map.of(), args.toArray(String[]::new));
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
