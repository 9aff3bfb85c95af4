package dev.jrq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's output: the figures as a text table and lines, and as JSON. */
final class Report {
    private static final String HEADER = String.format(Locale.ROOT,
            "%-17s | %6s | %7s | %8s | %14s | %16s | %14s | %13s", "phase", "jobs", "seconds", "jobs/s",
            "Redis cmds/job", "Redis CPU µs/job", "JVM CPU µs/job", "JVM alloc/job");

    private Report() {
    }

    /** {@code phase | jobs | seconds | jobs/s | Redis cmds/job | Redis CPU µs/job | JVM CPU µs/job}. */
    static String table(List<PhaseFigures> phases) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(HEADER.replaceAll("[^|]", "-"));
        for (PhaseFigures phase : phases) {
            lines.add(String.format(Locale.ROOT, "%-17s | %6d | %7.2f | %8.0f | %14.2f | %16.1f | %14.1f | %10.0f B",
                    phase.phase(), phase.jobs(), phase.seconds(), phase.jobsPerSecond(), phase.redisCommandsPerJob(),
                    phase.redisCpuMicrosPerJob(), phase.jvmCpuMicrosPerJob(), phase.allocatedBytesPerJob()));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** The commands Redis ran per job, by name, most first: {@code drain c8: evalsha 2.00, hset 3.00, ...}. */
    static String commands(PhaseFigures phase) {
        return phase.phase() + ": " + perJob(phase.commandsByName(), phase.jobs());
    }

    /** The fixed-rate run's latency line. */
    static String latency(LatencyFigures latency) {
        return String.format(Locale.ROOT, "latency at %.0f jobs/s (sent %.1f/s, %d jobs): enqueue->done p50 %.2f ms, "
                        + "p95 %.2f ms, p99 %.2f ms, max %.2f ms; pickup (enqueued_at to handler start) p50 %.2f ms, "
                        + "p99 %.2f ms; legs p50/p99: to Redis (enqueued_at to started_at) %.2f/%.2f ms, to the "
                        + "handler %.2f/%.2f ms, handler to done %.2f/%.2f ms; after %.0f s at the rate unmeasured "
                        + "(JIT %s), JIT busy %s during the run",
                latency.targetRate(), latency.achievedRate(), latency.jobs(),
                ms(latency.doneP50()), ms(latency.doneP95()), ms(latency.doneP99()), ms(latency.doneMax()),
                ms(latency.pickupP50()), ms(latency.pickupP99()), ms(latency.toRedis().p50()),
                ms(latency.toRedis().p99()), ms(latency.toHandler().p50()), ms(latency.toHandler().p99()),
                ms(latency.handlerToDone().p50()), ms(latency.handlerToDone().p99()), latency.warmUp().seconds(),
                latency.warmUp().jitSettled() ? "settled" : "not settled",
                latency.jitMillis() < 0 ? "for an unknown time" : latency.jitMillis() + " ms");
    }

    /** An audited phase's round trips: commands clients sent per job, and those scripts ran inside Redis. */
    static String roundTrips(PhaseFigures phase, CommandAudit.RoundTrips trips) {
        return String.format(Locale.ROOT, "%-17s %5.2f sent/job [%s]; %5.2f more run inside Lua scripts",
                phase.phase(), (double) trips.sent() / phase.jobs(), perJob(trips.byCommand(), phase.jobs()),
                (double) trips.insideScripts() / phase.jobs());
    }

    /** Writes everything measured as JSON; {@code workerJvms} (the scaling and memory phases) only when not empty. */
    static void writeJson(Path file, Map<String, Object> environment, List<PhaseFigures> phases,
                          LatencyFigures latency, Map<String, CommandAudit.RoundTrips> audit,
                          Map<String, Object> workerJvms) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", environment);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PhaseFigures phase : phases) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", phase.phase());
            row.put("jobs", phase.jobs());
            row.put("seconds", phase.seconds());
            row.put("jobs_per_second", phase.jobsPerSecond());
            row.put("redis_commands_per_job", phase.redisCommandsPerJob());
            row.put("redis_cpu_us_per_job", phase.redisCpuMicrosPerJob());
            row.put("jvm_cpu_us_per_job", phase.jvmCpuMicrosPerJob());
            row.put("jvm_allocated_bytes_per_job", phase.allocatedBytesPerJob());
            row.put("redis_commands_by_name_per_job", phase.commandsPerJob());
            rows.add(row);
        }
        root.put("phases", rows);
        root.put("latency", latency);
        root.put("round_trips", audit);
        if (!workerJvms.isEmpty()) {
            root.put("worker_jvms", workerJvms);
        }
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String perJob(Map<String, Long> counts, int jobs) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .filter(entry -> entry.getValue() * 1000 >= jobs)
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), (double) entry.getValue() / jobs))
                .collect(Collectors.joining(", "));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
