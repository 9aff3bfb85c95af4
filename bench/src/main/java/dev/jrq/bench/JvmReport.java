package dev.jrq.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The scaling and memory phases' output, as text tables in {@link Report}'s style and as JSON objects. */
final class JvmReport {
    private static final String SCALING_HEADER = String.format(Locale.ROOT,
            "%-11s | %7s | %7s | %8s | %14s | %16s | %11s | %17s | %10s | %16s | %12s | %4s", "worker JVMs", "jobs",
            "seconds", "jobs/s", "Redis cmds/job", "Redis CPU µs/job", "Redis CPU %", "worker CPU µs/job",
            "host CPU %", "worker alloc/job", "peak RSS/JVM", "GCs");
    private static final double BUSY = 0.9;

    private JvmReport() {
    }

    /** One row per number of worker JVMs. */
    static String scalingTable(List<ScalingFigures> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(SCALING_HEADER);
        lines.add(SCALING_HEADER.replaceAll("[^|]", "-"));
        for (ScalingFigures row : rows) {
            lines.add(String.format(Locale.ROOT,
                    "%-11s | %7d | %7.2f | %8.0f | %14.2f | %16.1f | %10.0f%% | %17.1f | %9.0f%% | %14.0f B | %9.0f MB "
                            + "| %4d", row.jvms() + " x c" + row.concurrency(), row.jobs(), row.seconds(),
                    row.jobsPerSecond(), row.redisCommandsPerJob(), row.redisCpuMicrosPerJob(),
                    100 * row.redisCpuShare(), row.workerCpuMicrosPerJob(), 100 * row.hostCpuShare(),
                    row.allocatedBytesPerJob(), row.peakRssKilobytes() / 1024.0, row.gcCount()));
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** Where the fastest row's limit lies: Redis' one thread, the machine's cores, or neither. */
    static String scalingLimit(List<ScalingFigures> rows) {
        ScalingFigures fastest = rows.stream().max(Comparator.comparingDouble(ScalingFigures::jobsPerSecond))
                .orElseThrow();
        String ceiling = String.format(Locale.ROOT, "Redis' one thread at %.1f µs/job would be saturated at "
                + "~%.0f jobs/s", fastest.redisCpuMicrosPerJob(), fastest.redisBoundJobsPerSecond());
        String at = String.format(Locale.ROOT, "fastest: %d worker JVM(s), %.0f jobs/s, Redis CPU %.0f%%, host CPU "
                + "%.0f%% of %d cores", fastest.jvms(), fastest.jobsPerSecond(), 100 * fastest.redisCpuShare(),
                100 * fastest.hostCpuShare(), fastest.cores());
        if (fastest.redisCpuShare() >= BUSY) {
            return at + ". Redis is the limit: its single command thread is busy " + percent(fastest.redisCpuShare())
                    + " of the time; " + ceiling + ".";
        }
        if (fastest.hostCpuShare() >= BUSY) {
            return at + ". The machine's cores are the limit (Redis and the worker JVMs share them), not Redis; "
                    + ceiling + ".";
        }
        return at + ". Neither Redis nor the cores are saturated; " + ceiling + ".";
    }

    /** The memory phase as a two-column table. */
    static String memoryTable(MemoryFigures memory) {
        Map<String, String> rows = new LinkedHashMap<>();
        ChildFigures worker = memory.worker();
        GcLog gc = memory.gc();
        rows.put("worker", String.format(Locale.ROOT, "1 JVM, c%d, -Xmx%s, %s", memory.concurrency(),
                memory.heap(), gc.collector()));
        rows.put("jobs finished", memory.finished() + " of " + memory.jobs());
        rows.put("exit", memory.clean() ? "clean (exit code 0, no out-of-memory, no slot failure)"
                : "NOT clean: exit code " + memory.exitCode() + (memory.exitCode() == 3 ? " (OutOfMemoryError)" : "")
                + (worker != null && worker.slotFailure() != null ? ", slot failure " + worker.slotFailure() : ""));
        rows.put("seconds", String.format(Locale.ROOT, "%.1f (first job begun to last job done)", memory.seconds()));
        rows.put("jobs/s", String.format(Locale.ROOT, "%.0f", memory.jobsPerSecond()));
        rows.put("GC pauses", String.format(Locale.ROOT, "%d (%d full), %.0f ms in all (%.2f%% of the drain), "
                        + "longest %.1f ms", gc.pauses(), gc.fullPauses(), gc.totalPauseMillis(),
                100 * memory.pauseShare(), gc.maxPauseMillis()));
        rows.put("alloc/job", String.format(Locale.ROOT, "%.0f B (threads' own counts); %.0f B (GC log, start-up "
                + "included)", memory.allocatedBytesPerJob(), memory.gcLogAllocatedBytesPerJob()));
        rows.put("worker CPU µs/job", worker == null ? "?" : String.format(Locale.ROOT, "%.1f",
                (double) worker.cpuMicros() / memory.jobs()));
        rows.put("worker peak RSS", worker == null ? "?" : String.format(Locale.ROOT, "%.0f MB (VmHWM)",
                worker.peakRssKilobytes() / 1024.0));
        rows.put("Redis CPU µs/job", String.format(Locale.ROOT, "%.1f", (double) memory.redisCpuMicros()
                / memory.jobs()));
        rows.put("Redis used_memory", String.format(Locale.ROOT, "%.0f MB empty, %.0f MB queued (%.0f B/job), "
                        + "%.0f MB drained (%.0f B/finished job, kept for the result TTL); maxmemory %s",
                mb(memory.redisEmptyBytes()), mb(memory.redisQueuedBytes()), memory.redisBytesPerQueuedJob(),
                mb(memory.redisDrainedBytes()), memory.redisBytesPerFinishedJob(),
                memory.redisMaxMemory() == 0 ? "none" : memory.redisMaxMemory() + " B"));
        return twoColumns(rows);
    }

    /** The scaling rows as JSON objects. */
    static List<Map<String, Object>> scalingJson(List<ScalingFigures> rows) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (ScalingFigures row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("worker_jvms", row.jvms());
            object.put("concurrency_per_jvm", row.concurrency());
            object.put("jobs", row.jobs());
            object.put("seconds", row.seconds());
            object.put("jobs_per_second", row.jobsPerSecond());
            object.put("redis_commands_per_job", row.redisCommandsPerJob());
            object.put("redis_cpu_us_per_job", row.redisCpuMicrosPerJob());
            object.put("redis_cpu_share", row.redisCpuShare());
            object.put("redis_bound_jobs_per_second", row.redisBoundJobsPerSecond());
            object.put("worker_cpu_us_per_job", row.workerCpuMicrosPerJob());
            object.put("host_cpu_share", row.hostCpuShare());
            object.put("cores", row.cores());
            object.put("worker_allocated_bytes_per_job", row.allocatedBytesPerJob());
            object.put("worker_peak_rss_kb_max", row.peakRssKilobytes());
            object.put("worker_gc_count", row.gcCount());
            json.add(object);
        }
        return json;
    }

    /** The memory phase as a JSON object. */
    static Map<String, Object> memoryJson(MemoryFigures memory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobs", memory.jobs());
        json.put("finished", memory.finished());
        json.put("concurrency", memory.concurrency());
        json.put("heap", memory.heap());
        json.put("clean", memory.clean());
        json.put("exit_code", memory.exitCode());
        json.put("seconds", memory.seconds());
        json.put("jobs_per_second", memory.jobsPerSecond());
        json.put("gc", memory.gc());
        json.put("gc_pause_share", memory.pauseShare());
        json.put("allocated_bytes_per_job", memory.allocatedBytesPerJob());
        json.put("gc_log_allocated_bytes_per_job", memory.gcLogAllocatedBytesPerJob());
        json.put("worker", memory.worker());
        json.put("redis_used_memory_empty", memory.redisEmptyBytes());
        json.put("redis_used_memory_queued", memory.redisQueuedBytes());
        json.put("redis_used_memory_drained", memory.redisDrainedBytes());
        json.put("redis_bytes_per_queued_job", memory.redisBytesPerQueuedJob());
        json.put("redis_cpu_us_per_job", (double) memory.redisCpuMicros() / memory.jobs());
        json.put("redis_maxmemory", memory.redisMaxMemory());
        return json;
    }

    private static String twoColumns(Map<String, String> rows) {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>();
        String header = String.format(Locale.ROOT, "%-" + width + "s | %s", "memory", "");
        lines.add(header.stripTrailing());
        lines.add("-".repeat(width + 1) + "|" + "-".repeat(60));
        rows.forEach((name, value) -> lines.add(String.format(Locale.ROOT, "%-" + width + "s | %s", name, value)));
        return String.join(System.lineSeparator(), lines);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
