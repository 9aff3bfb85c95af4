package dev.jrq.examples;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Python RQ 1.13 as the interop tests drive it: short scripts run by Debian's {@code /usr/bin/python3} that report
 * what RQ's own code reads back as one line of JSON, plus {@code rq worker} and {@code rq info}, all with RQ's
 * {@code JSONSerializer}. Every script starts with {@link #PRELUDE}, which defines {@code redis}, {@code queue}
 * (RQ's {@code Queue('default')}), {@code fetch(job_id)} and {@code emit(**values)}.
 *
 * <pre>{@code
 * Map<String, Object> seen = python.run("emit(status=fetch(sys.argv[2]).get_status())", jobId);
 * }</pre>
 */
final class PythonRq {
    /** Set to {@code 1} to make missing Python RQ a failure instead of a skip (CI, where it must be installed). */
    static final String REQUIRE_VARIABLE = "JRQ_REQUIRE_PYTHON_RQ";
    static final String SERIALIZER = "rq.serializers.JSONSerializer";

    private static final String PRELUDE = """
            import json, sys
            from redis import Redis
            from rq import Queue
            from rq.job import Job
            from rq.serializers import JSONSerializer
            redis = Redis.from_url(sys.argv[1])
            queue = Queue('default', connection=redis, serializer=JSONSerializer)
            def fetch(job_id):
                return Job.fetch(job_id, connection=redis, serializer=JSONSerializer)
            def emit(**values):
                print(json.dumps(values, default=str))
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Optional<String> missing;

    private final Processes processes;
    private final String redisUrl;

    PythonRq(Processes processes, String redisUrl) {
        this.processes = processes;
        this.redisUrl = redisUrl;
    }

    /**
     * Returns when {@code /usr/bin/python3} and {@code /usr/bin/rq} with RQ 1.13 are installed (checked once per
     * test run); otherwise aborts the calling test with the reason, or fails it when {@value #REQUIRE_VARIABLE}
     * {@code =1}.
     */
    static void requireInstalled() {
        Optional<String> whatIsMissing = whatIsMissingOnce();
        if (whatIsMissing.isEmpty()) {
            return;
        }
        String reason = "Python RQ interop needs Debian's python3-rq 1.13 (apt-get install python3-rq): "
                + whatIsMissing.get();
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            fail(reason + "; " + REQUIRE_VARIABLE + "=1 makes this a failure");
        }
        Assumptions.abort(reason);
    }

    /** Runs {@code script} after the prelude with {@code sys.argv[2:]} = {@code args}; returns what it emitted. */
    Map<String, Object> run(String script, String... args) {
        List<String> arguments = new ArrayList<>(List.of(redisUrl));
        arguments.addAll(List.of(args));
        RunningProcess python = processes.python(PRELUDE + script, arguments.toArray(String[]::new)).awaitSuccess();
        List<String> lines = python.stdout().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("the Python script emitted nothing; its output:\n" + python.output());
        }
        return parse(lines.get(lines.size() - 1));
    }

    /** {@code rq worker --burst -S JSONSerializer --url URL QUEUE...} run in {@code workingDirectory}. */
    RunningProcess burstWorker(Path workingDirectory, String... queues) {
        List<String> args = new ArrayList<>(List.of("worker", "--burst", "-S", SERIALIZER, "--url", redisUrl));
        args.addAll(List.of(queues));
        return processes.rq(workingDirectory, args.toArray(String[]::new));
    }

    /** What {@code rq info -S JSONSerializer --url URL} prints. */
    String info() {
        return processes.rq(Path.of("."), "info", "-S", SERIALIZER, "--url", redisUrl).awaitSuccess().stdout();
    }

    private static synchronized Optional<String> whatIsMissingOnce() {
        if (missing == null) {
            missing = Optional.ofNullable(whatIsMissing());
            missing.ifPresent(reason -> System.out.println("[jrq-test] Python RQ is not usable: " + reason));
        }
        return missing;
    }

    private static String whatIsMissing() {
        for (Path executable : List.of(Processes.PYTHON, Processes.RQ)) {
            if (!Files.isExecutable(executable)) {
                return executable + " is not installed";
            }
        }
        try (Processes processes = new Processes()) {
            RunningProcess check = processes.python("import redis, rq; print(rq.__version__)");
            if (check.awaitExit(Duration.ofSeconds(20)) != 0) {
                return Processes.PYTHON + " cannot import rq and redis: " + check.stderr().strip();
            }
            String version = check.stdout().strip();
            return version.startsWith("1.13.") ? null : "found rq " + version + ", the tests are written for 1.13";
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("the Python script's last line is not JSON: " + json, e);
        }
    }
}
