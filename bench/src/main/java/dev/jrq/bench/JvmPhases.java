package dev.jrq.bench;

import dev.jrq.core.JobQueue;
import dev.jrq.core.RegistryType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The phases that run the worker in JVMs of its own ({@link WorkerJvms}) rather than in the benchmark's: scaling
 * (one queue drained by 1, 2, 4... worker JVMs at once) and memory (one worker JVM with a small heap and many
 * slots draining a very long queue). Redis' counters are read when the JVMs are told to go and after they end.
 */
final class JvmPhases {
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final Phases phases;
    private final RedisAdmin admin;
    private final String url;
    private final int warmup;
    private final PrintStream log;
    /** Probes this benchmark sent through JRQ's client while the JVMs ran, by command name. */
    private final Map<String, Long> own = new HashMap<>();

    /**
     * @param warmup jobs each scaling JVM drains on a private queue before it is told to go
     * @param log    where a long run's progress goes
     */
    JvmPhases(Phases phases, RedisAdmin admin, String url, int warmup, PrintStream log) {
        this.phases = phases;
        this.admin = admin;
        this.url = url;
        this.warmup = warmup;
        this.log = log;
    }

    /** Drains {@code n} queued jobs with {@code jvms} warm worker JVMs of {@code concurrency} slots at once. */
    ScalingFigures scaling(int n, int jvms, int concurrency) throws InterruptedException {
        JobQueue queue = phases.loaded(n);
        WorkerJvms workers = WorkerJvms.start(jvms, List.of(), url, Phases.QUEUE, concurrency, warmup);
        Run run = run(workers, queue, n);
        expectAll(queue, n, run);
        return ScalingFigures.of(concurrency, n, run.reports(), run.redis(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Drains {@code n} jobs, loaded in bulk, with one cold worker JVM of {@code concurrency} slots and
     * {@code -Xmx<heap>}, its GC logged to a file; an out-of-memory error ends it with exit code 3.
     */
    MemoryFigures memory(int n, int concurrency, String heap) throws InterruptedException {
        JobQueue queue = phases.fresh();
        long empty = admin.usedMemory();
        phases.enqueueInBulk(queue, n);
        long queued = admin.usedMemory();
        Path gcLog = temporaryFile();
        log.println("memory: " + n + " jobs queued; one worker JVM at c" + concurrency + ", -Xmx" + heap
                + ", GC log " + gcLog);
        WorkerJvms workers = WorkerJvms.start(1, List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog,
                "-XX:+ExitOnOutOfMemoryError"), url, Phases.QUEUE, concurrency, 0);
        Run run = run(workers, queue, n);
        long drained = admin.usedMemory();
        WorkerJvms.Ended ended = run.ended().get(0);
        ChildFigures report = ended.figures().orElse(null);
        double seconds = report == null ? 0 : (report.lastJobMicros() - report.firstJobMicros()) / 1e6;
        return new MemoryFigures(n, finished(queue), concurrency, heap, seconds, ended.exitCode(), report,
                GcLog.read(gcLog), empty, queued, drained, run.redis().cpuMicros(), admin.maxMemory());
    }

    /** The worker JVMs' end states and reports, and Redis' counters from their go to their end. */
    private record Run(List<WorkerJvms.Ended> ended, ServerStats redis) {
        List<ChildFigures> reports() {
            return ended.stream().flatMap(end -> end.figures().stream()).toList();
        }
    }

    private Run run(WorkerJvms workers, JobQueue queue, int n) throws InterruptedException {
        own.clear();
        ServerStats before = snapshot();
        workers.go();
        long start = System.nanoTime();
        long[] lastPrint = {start};
        List<WorkerJvms.Ended> ended = workers.await(() -> progress(queue, n, start, lastPrint), STALL);
        return new Run(ended, snapshot().minus(before).withoutOwn(own));
    }

    /** Jobs finished so far; printed every half minute of a long run. */
    private long progress(JobQueue queue, int n, long start, long[] lastPrint) {
        long finished = finished(queue);
        long now = System.nanoTime();
        if (now - lastPrint[0] >= PROGRESS_EVERY.toNanos()) {
            lastPrint[0] = now;
            log.printf(Locale.ROOT, "  ... %d of %d jobs finished after %.0f s%n", finished, n, (now - start) / 1e9);
        }
        return finished;
    }

    private long finished(JobQueue queue) {
        own.merge("zcard", 1L, Long::sum);
        return queue.registry(RegistryType.FINISHED).count();
    }

    private void expectAll(JobQueue queue, int n, Run run) {
        for (WorkerJvms.Ended end : run.ended()) {
            if (end.exitCode() != 0 || end.figures().isEmpty()) {
                throw new IllegalStateException("a worker JVM ended with exit code " + end.exitCode()
                        + (end.figures().isEmpty() ? " and no figures" : ""));
            }
        }
        long finished = finished(queue);
        long done = run.reports().stream().mapToLong(ChildFigures::jobs).sum();
        if (finished != n || done != n) {
            throw new IllegalStateException("expected " + n + " jobs finished; the registry holds " + finished
                    + " and the worker JVMs ran " + done);
        }
    }

    private ServerStats snapshot() {
        return ServerStats.parse(admin.info("stats", "cpu", "commandstats"));
    }

    private static Path temporaryFile() {
        try {
            return Files.createTempFile("jrq-bench-gc-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for the worker JVM's GC log", e);
        }
    }
}
