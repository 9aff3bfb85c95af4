package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobStatus;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RQ's job semantics on the JRQ worker, driven from Python RQ 1.13: a Python job with {@code Retry} and meta,
 * and Python's {@code send_stop_job_command} and {@code send_shutdown_command} acting on the JRQ worker jar.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class PythonWorkerSemanticsIT {
    private static final String TEST_JOBS = "target/test-classes";

    @BeforeEach
    void pythonRqIsInstalled() {
        PythonRq.requireInstalled();
    }

    @Test
    void pythonJobWithRetryAndMeta_failsTwice_thenFinishes_asRqWould(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        String jobId = (String) python.run("""
                from rq import Retry
                job = queue.enqueue('tests.flaky', 2, retry=Retry(max=3), meta={'owner': 'python'})
                emit(id=job.id)
                """).get("id");

        processes.worker(redis.url(), "--path", TEST_JOBS, "--burst", "default").awaitSuccess();

        Map<String, Object> seen = python.run("""
                job = fetch(sys.argv[2])
                emit(status=job.get_status(), return_value=job.return_value(), retries_left=job.retries_left,
                     meta=job.get_meta(), results=[r.type.name for r in job.results()])
                """, jobId);
        assertThat(seen).containsEntry("status", "finished").containsEntry("return_value", 3)
                .containsEntry("retries_left", 1)
                .containsEntry("meta", Map.of("owner", "python", "attempts", 3))
                .containsEntry("results", List.of("SUCCESSFUL", "FAILED", "FAILED"));
    }

    @Test
    void pythonJobsWithDependencies_releasedInOrder_orBlockedVisiblyByAFailedParent(TestRedis redis,
                                                                                   Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        Map<String, Object> ids = python.run("""
                from rq.job import Dependency
                parent = queue.enqueue('test_job.i_am_a_job', 'parent')
                child = queue.enqueue('test_job.i_am_a_job', 'child', depends_on=parent)
                failing = queue.enqueue('no.such.job')
                blocked = queue.enqueue('test_job.i_am_a_job', 'blocked', depends_on=failing)
                tolerant = queue.enqueue('test_job.i_am_a_job', 'tolerant',
                                         depends_on=Dependency(jobs=[failing], allow_failure=True))
                emit(parent=parent.id, child=child.id, blocked=blocked.id, tolerant=tolerant.id,
                     child_status=child.get_status())
                """);
        assertThat(ids).containsEntry("child_status", "deferred");

        processes.worker(redis.url(), "--burst", "--concurrency", "1", "default").awaitSuccess();

        Map<String, Object> seen = python.run("""
                parent, child, blocked, tolerant = (fetch(i) for i in sys.argv[2:6])
                emit(child=child.get_status(), child_result=child.return_value(),
                     child_after_parent=child.started_at >= parent.ended_at,
                     blocked=blocked.get_status(), tolerant=tolerant.get_status(),
                     blocked_by=redis.hget(blocked.key, 'jrq_blocked_by').decode())
                """, (String) ids.get("parent"), (String) ids.get("child"), (String) ids.get("blocked"),
                (String) ids.get("tolerant"));
        assertThat(seen).containsEntry("child", "finished").containsEntry("child_result", "child")
                .containsEntry("child_after_parent", true).containsEntry("blocked", "deferred")
                .containsEntry("tolerant", "finished");
        assertThat((String) seen.get("blocked_by")).isNotEmpty();
    }

    @Test
    void pythonSendStopJobCommand_stopsTheJobOnTheJavaWorker(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        JrqClient client = redis.newClient();
        String jobId = (String) python.run("emit(id=queue.enqueue('tests.slow', 60000).id)").get("id");
        RunningProcess worker = processes.worker(redis.url(), "--path", TEST_JOBS, "--name", "stoppable",
                "--concurrency", "1", "default");
        await().atMost(Duration.ofSeconds(20)).until(() -> client.job(jobId).status() == JobStatus.STARTED);

        python.run("""
                from rq.command import send_stop_job_command
                send_stop_job_command(redis, sys.argv[2], serializer=JSONSerializer)
                emit(sent=True)
                """, jobId);

        await().atMost(Duration.ofSeconds(10)).until(() -> client.job(jobId).status() == JobStatus.STOPPED);
        Map<String, Object> seen = python.run("""
                job = fetch(sys.argv[2])
                emit(status=job.get_status(), failed=job.id in queue.failed_job_registry.get_job_ids(),
                     error=job.latest_result().exc_string)
                """, jobId);
        assertThat(seen).containsEntry("status", "stopped").containsEntry("failed", true)
                .containsEntry("error", "Job stopped by user, work-horse terminated.");
        assertThat(worker.isAlive()).isTrue();
    }

    @Test
    void pythonSendKillHorseCommand_failsTheRunningJob(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        JrqClient client = redis.newClient();
        String jobId = (String) python.run("emit(id=queue.enqueue('tests.slow', 60000).id)").get("id");
        processes.worker(redis.url(), "--path", TEST_JOBS, "--name", "horse", "--concurrency", "1", "default");
        await().atMost(Duration.ofSeconds(20)).until(() -> client.job(jobId).status() == JobStatus.STARTED);

        python.run("""
                from rq.command import send_kill_horse_command
                send_kill_horse_command(redis, 'horse')
                emit(sent=True)
                """);

        await().atMost(Duration.ofSeconds(10)).until(() -> client.job(jobId).status() == JobStatus.FAILED);
        assertThat(python.run("emit(status=fetch(sys.argv[2]).get_status())", jobId)).containsEntry("status", "failed");
    }

    @Test
    void pythonSendShutdownCommand_stopsTheJavaWorkerWarmly(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        RunningProcess worker = processes.worker(redis.url(), "--path", TEST_JOBS, "--name", "closing",
                "--concurrency", "1", "default");
        JrqClient client = redis.newClient();
        await().atMost(Duration.ofSeconds(20)).until(() -> !client.workers().isEmpty());

        python.run("""
                from rq.command import send_shutdown_command
                send_shutdown_command(redis, 'closing')
                emit(sent=True)
                """);

        assertThat(worker.awaitExit(Duration.ofSeconds(15))).isZero();
        assertThat(python.run("""
                from rq import Worker
                emit(workers=[w.name for w in Worker.all(connection=redis)])
                """)).containsEntry("workers", List.of());
    }
}
