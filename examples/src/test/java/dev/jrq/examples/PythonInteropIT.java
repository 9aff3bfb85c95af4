package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.jrq.api.JobFailedException;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.jobs.IAmAJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python RQ 1.13 and JRQ sharing queues: jobs enqueued by Python's {@code Queue.enqueue} and run by the JRQ
 * worker jar, read back by RQ's own {@code Job}; jobs enqueued by Java and run by {@code rq worker}; Java's job
 * hashes read by Python; {@code rq info} listing a running JRQ worker. Skipped, saying why, where Python RQ is
 * not installed (failed instead with {@code JRQ_REQUIRE_PYTHON_RQ=1}).
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class PythonInteropIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** A Python expression: the arguments the round-trip test enqueues, each a JSON type RQ's serializer keeps. */
    private static final String ROUND_TRIP_VALUES = "['h\\u00e9llo w\\u00f6rld \\u2713', 12345678901234567, 2.5, "
            + "True, None, {'name': 'Ada', 'tags': ['x', 'y'], 'nested': {'n': 1}}, [1, 'two', [3.0]]]";

    @BeforeEach
    void pythonRqIsInstalled() {
        PythonRq.requireInstalled();
    }

    @Test
    void javaWorkerJar_pythonEnqueuedTestJob_pythonSeesFinishedWithReturnValue(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        String jobId = (String) python.run("emit(id=queue.enqueue('test_job.i_am_a_job', 7).id)").get("id");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        Map<String, Object> seen = python.run("""
                job = fetch(sys.argv[2])
                emit(status=job.get_status(), return_value=job.return_value(), result=job.result,
                     in_finished_registry=job.id in queue.finished_job_registry.get_job_ids())
                """, jobId);
        assertThat(seen).containsEntry("status", "finished").containsEntry("return_value", 7)
                .containsEntry("result", 7).containsEntry("in_finished_registry", true);
    }

    @Test
    void javaWorkerJar_pythonEnqueuedJsonValues_pythonReadsEachBackUnchanged(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        python.run("emit(ids=[queue.enqueue('test_job.i_am_a_job', value).id for value in " + ROUND_TRIP_VALUES + "])");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        Map<String, Object> seen = python.run("""
                jobs = [fetch(job_id) for job_id in queue.finished_job_registry.get_job_ids()]
                returned = [job.return_value() for job in jobs]
                expected = %s
                emit(statuses=sorted({job.get_status() for job in jobs}),
                     missing=[repr(value) for value in expected if value not in returned],
                     same_types=all(type(job.return_value()) is type(job.args[0]) for job in jobs),
                     count=len(jobs))
                """.formatted(ROUND_TRIP_VALUES));
        assertThat(seen).containsEntry("statuses", List.of("finished")).containsEntry("missing", List.of())
                .containsEntry("same_types", true).containsEntry("count", 7);
    }

    @Test
    void javaWorkerJar_pythonEnqueuedUnknownName_pythonSeesFailedWithTheReason(TestRedis redis, Processes processes) {
        PythonRq python = new PythonRq(processes, redis.url());
        String jobId = (String) python.run("emit(id=queue.enqueue('nope.missing').id)").get("id");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        Map<String, Object> seen = python.run("""
                job = fetch(sys.argv[2])
                result = job.latest_result()
                emit(status=job.get_status(), result_type=result.type.name, exc_string=result.exc_string,
                     in_failed_registry=job.id in queue.failed_job_registry.get_job_ids())
                """, jobId);
        assertThat(seen).containsEntry("status", "failed").containsEntry("result_type", "FAILED")
                .containsEntry("in_failed_registry", true);
        assertThat((String) seen.get("exc_string")).contains(
                "no handler registered for 'nope.missing'; known: "
                        + "[counter.visit, email.send_welcome, test_job.i_am_a_job]");
    }

    @Test
    void fetch_jobEnqueuedByJava_pythonReadsItsFields(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        Job withOptions = client.queue("reports").enqueue(JobRequest.of(IAmAJob.class, 7, "seven")
                .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(30)).meta(Map.of("owner", "it")).build()));
        Job withDefaults = client.queue("default").enqueue("test_job.i_am_a_job", 8);
        PythonRq python = new PythonRq(processes, redis.url());

        Map<String, Object> seen = python.run("""
                emit(**{name: dict(description=job.description, origin=job.origin, func_name=job.func_name,
                                   args=job.args, kwargs=job.kwargs, status=job.get_status(), timeout=job.timeout,
                                   meta=job.meta, enqueued_at=job.enqueued_at.isoformat(),
                                   queued=job.id in Queue(job.origin, connection=redis).job_ids)
                        for name, job in (('options', fetch(sys.argv[2])), ('defaults', fetch(sys.argv[3])))})
                """, withOptions.id(), withDefaults.id());

        assertThat(seen.get("options")).asInstanceOf(MAP)
                .containsEntry("description", "test_job.i_am_a_job(7, 'seven')").containsEntry("origin", "reports")
                .containsEntry("func_name", "test_job.i_am_a_job").containsEntry("args", List.of(7, "seven"))
                .containsEntry("kwargs", Map.of()).containsEntry("status", "queued").containsEntry("timeout", 30)
                .containsEntry("meta", Map.of("owner", "it")).containsEntry("queued", true);
        assertThat(seen.get("defaults")).asInstanceOf(MAP)
                .containsEntry("description", "test_job.i_am_a_job(8)").containsEntry("origin", "default")
                .containsEntry("timeout", 180).containsEntry("queued", true);
        assertThat(pythonTime(seen, "options")).isEqualTo(withOptions.fetch().enqueuedAt());
        assertThat(pythonTime(seen, "defaults")).isEqualTo(withDefaults.fetch().enqueuedAt());
    }

    @Test
    void rqWorker_testJobEnqueuedByJava_javaReadsTheResult(TestRedis redis, Processes processes, @TempDir Path dir)
            throws IOException {
        JrqClient client = redis.newClient();
        Job positional = client.queue("default").enqueue("test_job.i_am_a_job", 7);
        Job byKeyword = client.queue("default").enqueue(JobRequest.of("test_job.i_am_a_job")
                .withKwargs(Map.of("arg1", "by keyword")));
        Job document = client.queue("default").enqueue("test_job.i_am_a_job", Map.of("tags", List.of("x", "y")));

        new PythonRq(processes, redis.url()).burstWorker(pythonJobs(dir), "default").awaitSuccess();

        assertThat(positional.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(positional.waitForResult(WAIT, Integer.class)).isEqualTo(7);
        assertThat(byKeyword.waitForResult(WAIT)).isEqualTo("by keyword");
        assertThat(document.waitForResult(WAIT)).isEqualTo(Map.of("tags", List.of("x", "y")));
        JobRecord record = positional.fetch();
        assertThat(record.workerName()).isNotBlank();
        assertThat(record.endedAt()).isAfterOrEqualTo(record.startedAt());
    }

    @Test
    void rqWorker_jobNameItCannotImport_javaSeesFailedWithPythonsTraceback(TestRedis redis, Processes processes,
                                                                           @TempDir Path dir) throws IOException {
        JrqClient client = redis.newClient();
        Job missing = client.queue("default").enqueue("test_job.not_there", 1);

        new PythonRq(processes, redis.url()).burstWorker(pythonJobs(dir), "default").awaitSuccess();

        assertThat(missing.status()).isEqualTo(JobStatus.FAILED);
        assertThat(missing.latestResult().orElseThrow().error())
                .contains("AttributeError: module 'test_job' has no attribute");
        assertThatThrownBy(() -> missing.waitForResult(WAIT)).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("ended failed");
    }

    @Test
    void rqInfo_javaWorkerJarRunning_listsQueuesCountsAndTheWorkerUntilItStops(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        PythonRq python = new PythonRq(processes, redis.url());
        python.run("""
                reports = Queue('reports', connection=redis, serializer=JSONSerializer)
                emit(ids=[reports.enqueue('test_job.i_am_a_job', n).id for n in (1, 2)])
                """);
        Job served = client.queue("default").enqueue("test_job.i_am_a_job", 3);
        RunningProcess worker = processes.worker(redis.url(), "--name", "jrq-info-it", "--concurrency", "1",
                "default");
        assertThat(served.waitForResult(RunningProcess.TIMEOUT)).isEqualTo(3);

        String info = python.info();

        assertThat(info.lines()).anyMatch(line -> line.matches("default\\s+\\|\\s*0"))
                .anyMatch(line -> line.matches("reports\\s+\\|\\S*\\s+2"))
                .contains("2 queues, 2 jobs total", "1 workers, 2 queues")
                .anyMatch(line -> line.startsWith("jrq-info-it (") && line.contains(" " + worker.pid() + ")")
                        && line.endsWith("default"));
        worker.stop();
        assertThat(python.info().lines()).contains("0 workers, 2 queues")
                .noneMatch(line -> line.contains("jrq-info-it"));
    }

    /** The seed's {@code test_job.py}, written where {@code rq worker} runs so that it can import it. */
    private static Path pythonJobs(Path dir) throws IOException {
        Files.writeString(dir.resolve("test_job.py"), "def i_am_a_job(arg1):\n    return arg1\n");
        return dir;
    }

    private static Instant pythonTime(Map<String, Object> seen, String job) {
        String isoformat = (String) ((Map<?, ?>) seen.get(job)).get("enqueued_at");
        return LocalDateTime.parse(isoformat).toInstant(ZoneOffset.UTC);
    }
}
