package dev.jrq.bench;

import dev.jrq.core.JrqClient;
import dev.jrq.core.LocalRedisServer;
import dev.jrq.core.RedisConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar jrq-bench.jar [options]}: JRQ's throughput, latency and cost per job, on a private
 * {@code redis-server} unless {@code --url} names one. Run by hand, never by the test suite.
 *
 * <pre>{@code
 * mvn -B -q install -DskipTests && java -jar bench/target/jrq-bench.jar
 * java -jar bench/target/jrq-bench.jar --jobs 50000 --only drain --json drain.json
 * java -jar bench/target/jrq-bench.jar --peers --rounds 3     # RQ, Sidekiq, BullMQ beside JRQ, same Redis
 * java -jar bench/target/jrq-bench.jar --only scaling --worker-jvms 1,2,4
 * java -jar bench/target/jrq-bench.jar --only memory           # 1,000,000 jobs, c32, -Xmx128m
 * }</pre>
 *
 * <p>With {@code --peers}, the peers' harness ({@code ../shared/peer-bench}, installed by its {@code setup.sh}) runs
 * its cases for the same workloads against the same redis-server, interleaved with JRQ's phases round by round,
 * and a table with JRQ's row beside the peers' ends the output (see {@link Comparison}).
 *
 * <p>Phases, each on a flushed db: {@code enqueue} (one call per job, one thread), {@code bulk}
 * ({@code enqueueMany}, {@code --chunk} per call), {@code drain} (N queued jobs run by one in-process worker at
 * concurrency 1, 8 and 32), {@code latency} ({@code --rate} jobs/s for {@code --seconds} beside a worker of
 * concurrency 8), {@code scaling} (N queued jobs drained by 1, 2, 4 worker JVMs started as processes of their own,
 * see {@link JvmPhases}), then an {@code audit} that reruns them small under {@code MONITOR} to count round trips.
 * Each phase is priced from Redis' {@code INFO} counters read before and after it. {@code --only memory} runs the
 * memory phase alone: 1,000,000 jobs drained by one worker JVM at concurrency 32 with {@code -Xmx128m}.
 */
@Command(name = "jrq-bench", mixinStandardHelpOptions = true, version = "jrq-bench 0.1.0", sortOptions = false,
        description = "Measures enqueue, drain and latency of JRQ, with Redis commands and CPU per job.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = {"-u", "--url"}, description = "Redis to measure, redis://host:port[/db] (its db is flushed "
            + "before every phase); default: a private redis-server from the PATH on a free port.")
    String url;

    @Option(names = "--flush", description = "Allow flushing the --url db even when it holds keys.")
    boolean flush;

    @Option(names = {"-n", "--jobs"}, description = "Jobs per enqueue and drain phase (default: ${DEFAULT-VALUE}).")
    int jobs = 20_000;

    @Option(names = "--rate", description = "Jobs per second of the fixed-rate run (default: ${DEFAULT-VALUE}).")
    double rate = 500;

    @Option(names = "--seconds", description = "Length of the fixed-rate run (default: ${DEFAULT-VALUE}).")
    double seconds = 10;

    @Option(names = "--chunk", description = "Jobs per enqueueMany call (default: ${DEFAULT-VALUE}).")
    int chunk = 1000;

    @Option(names = "--concurrency", split = ",", description = "Drain concurrencies (default: 1,8,32).")
    List<Integer> concurrencies = new ArrayList<>(List.of(1, 8, 32));

    @Option(names = "--only", description = "Run one phase: enqueue, bulk, drain, latency, scaling, audit or memory "
            + "(memory runs only when named).")
    String only;

    @Option(names = "--worker-jvms", split = ",", description = "Worker JVMs draining --jobs jobs together in the "
            + "scaling phase, one run per number (default: 1,2,4).")
    List<Integer> workerJvms = new ArrayList<>(List.of(1, 2, 4));

    @Option(names = "--jvm-concurrency", description = "Slots per worker JVM in the scaling phase (default: "
            + "${DEFAULT-VALUE}).")
    int jvmConcurrency = 8;

    @Option(names = "--memory-jobs", description = "Jobs of the memory phase (default: ${DEFAULT-VALUE}).")
    int memoryJobs = 1_000_000;

    @Option(names = "--memory-concurrency", description = "Slots of the memory phase's worker JVM (default: "
            + "${DEFAULT-VALUE}).")
    int memoryConcurrency = 32;

    @Option(names = "--memory-heap", description = "-Xmx of the memory phase's worker JVM (default: "
            + "${DEFAULT-VALUE}).")
    String memoryHeap = "128m";

    @Option(names = "--warmup", description = "Jobs enqueued and drained per warm-up round, unmeasured, before the "
            + "first phase so that the JIT has compiled the hot path; rounds go on until the JIT compiled under 100 ms "
            + "in one, at most " + MAX_WARMUP_ROUNDS + " (default: ${DEFAULT-VALUE}; 0: none).")
    // why: 2,000 left the one-by-one enqueue path half compiled (same run: 4,360 jobs/s after 2,000, 5,854 after
    // 20,000); a worker or a web server runs for hours, so its steady state is what to compare
    int warmup = 20_000;

    /**
     * Most warm-up rounds. why rounds until settled: with every process on one CPU (taskset) the compiler shares it,
     * and after one round of 20,000 jobs the first measured round still had C2 at work (JRQ's one-by-one enqueue
     * at 202-291 us of JVM CPU per job against 45-77 in the rounds after; docs/performance.md, thirteenth round)
     */
    static final int MAX_WARMUP_ROUNDS = 10;

    @Option(names = "--rate-warmup", description = "Least seconds at --rate, unmeasured, before the fixed-rate run; "
            + "it goes on until the JIT has settled (under 100 ms compiling in the last 10 seconds, no compiled "
            + "code thrown away in the last 20), so that the idle worker's path and its periodic tasks are compiled "
            + "too (default: ${DEFAULT-VALUE}; 0 and --rate-warmup-max 0: none).")
    // why: --warmup runs the busy paths; without this the fixed-rate run measured C2 compiling the idle path (1.4
    // vs 0.6-0.7 ms of JVM CPU per job, p99 3.0-3.7 vs 2.4-2.7 ms in the same hour)
    // why 35: past the worker's reaper's second run (30 s), the first to find RQ's maintenance lock held; its nil
    // reply, Redisson's first, threw the decoder's compiled code away in the measured run (fifteenth round)
    double rateWarmup = 35;

    @Option(names = "--rate-warmup-max", description = "Most seconds of that warm-up, settled or not (default: "
            + "${DEFAULT-VALUE}).")
    // why: at 500 jobs/s the JIT still compiled 17 % of a core 10 s in (perf sched), and settled after 21-54 s;
    // deoptimizations (histogram rotations every 40 s among them) came up to about 40 s in
    double rateWarmupMax = 150;

    @Option(names = "--audit-jobs", description = "Jobs per phase of the MONITOR audit (default: ${DEFAULT-VALUE}; "
            + "0: no audit).")
    int auditJobs = 1000;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--peers", description = "Also run the installed peers (Sidekiq, BullMQ, RQ) through their "
            + "harness on the same Redis, interleaved, and print JRQ's row beside theirs.")
    boolean peers;

    @Option(names = "--peer-bench", paramLabel = "DIR", description = "The peers' harness (default: "
            + "${DEFAULT-VALUE}).")
    Path peerBench = Path.of("../shared/peer-bench");

    @Option(names = "--peer-list", split = ",", description = "Peers to run with --peers (default: every installed "
            + "one of sidekiq, bullmq, rq).")
    List<String> peerList;

    @Option(names = "--rounds", description = "Rounds with --peers; cells are medians (default: ${DEFAULT-VALUE}).")
    int rounds = 1;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchMain());
        // why: a bad option value (a missing peer harness, a bad --only) is one line, not a stack trace
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (!(error instanceof IllegalArgumentException)) {
                throw error;
            }
            line.getErr().println("jrq-bench: " + error.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        LocalRedisServer server = url == null ? LocalRedisServer.start(LocalRedisServer.onPath().orElseThrow(() ->
                new IllegalStateException("no redis-server on the PATH; install redis-server or pass --url")),
                LocalRedisServer.NO_PERSISTENCE, false) : null;
        String target = url == null ? server.url() : url;
        try (RedisAdmin admin = RedisAdmin.connect(target);
             JrqClient producer = JrqClient.connect(RedisConfig.fromUrl(target));
             JrqClient workerClient = JrqClient.connect(RedisConfig.fromUrl(target))) {
            if (url != null && !flush && admin.dbSize() > 0) {
                System.err.println("the db of " + url + " holds " + admin.dbSize() + " keys and the benchmark "
                        + "flushes it before every phase; pass --flush to allow that");
                return 1;
            }
            Phases phases = new Phases(producer, workerClient, admin, chunk);
            return peers ? new PeerRun(this, phases, admin, target, out).run()
                    : run(phases, new JvmPhases(phases, admin, target, warmup, out), admin, target);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private int run(Phases phases, JvmPhases jvmPhases, RedisAdmin admin, String target)
            throws InterruptedException {
        Map<String, Object> environment = environment(admin, target);
        out.println("jrq-bench: " + environment);
        warmUp(phases);
        List<PhaseFigures> figures = new ArrayList<>();
        LatencyFigures latency = null;
        if (wants("enqueue")) {
            figures.add(phases.enqueue(jobs).figures());
        }
        if (wants("bulk")) {
            figures.add(phases.bulk(jobs).figures());
        }
        if (wants("drain")) {
            for (int concurrency : concurrencies) {
                figures.add(phases.drain(jobs, concurrency).figures());
            }
        }
        if (wants("latency")) {
            Phases.Measured measured = phases.latency(rate, seconds, rateWarmUp(), 8);
            figures.add(measured.window().figures());
            latency = measured.latency();
        }
        printFigures(figures, latency);
        Map<String, Object> inWorkerJvms = workerJvmPhases(jvmPhases);
        Map<String, CommandAudit.RoundTrips> audit = wants("audit") && auditJobs > 0 ? audit(phases, target)
                : Map.of();
        if (json != null) {
            Report.writeJson(json, environment, figures, latency, audit, inWorkerJvms);
            out.println("figures written to " + json);
        }
        return 0;
    }

    private void printFigures(List<PhaseFigures> figures, LatencyFigures latency) {
        if (!figures.isEmpty()) {
            out.println();
            out.println(Report.table(figures));
            out.println();
            out.println("Redis commands per job, by name (Lua scripts' inner commands included):");
            figures.forEach(phase -> out.println("  " + Report.commands(phase)));
        }
        if (latency != null) {
            out.println();
            out.println(Report.latency(latency));
        }
    }

    /** Runs the scaling and memory phases that are wanted, prints their tables, and returns them for the JSON. */
    private Map<String, Object> workerJvmPhases(JvmPhases jvmPhases) throws InterruptedException {
        Map<String, Object> json = new LinkedHashMap<>();
        if (wants("scaling")) {
            List<ScalingFigures> rows = new ArrayList<>();
            for (int jvms : workerJvms) {
                rows.add(jvmPhases.scaling(jobs, jvms, jvmConcurrency));
            }
            out.println();
            out.println("Scaling: " + jobs + " queued jobs drained by worker JVMs started apart (burst mode, "
                    + "each warmed up on " + warmup + " jobs of its own first):");
            out.println(JvmReport.scalingTable(rows));
            out.println(JvmReport.scalingLimit(rows));
            json.put("scaling", JvmReport.scalingJson(rows));
        }
        if ("memory".equals(only)) {
            MemoryFigures memory = jvmPhases.memory(memoryJobs, memoryConcurrency, memoryHeap);
            out.println();
            out.println(JvmReport.memoryTable(memory));
            json.put("memory", JvmReport.memoryJson(memory));
        }
        return json;
    }

    /** Reruns the phases small under MONITOR and prints the commands clients sent per job. */
    private Map<String, CommandAudit.RoundTrips> audit(Phases phases, String target) throws InterruptedException {
        out.println();
        out.println("Round trips: commands clients sent per job, counted under MONITOR (" + auditJobs
                + " jobs per phase; bulk sends its chunk in one pipelined round trip):");
        phases.audit(target);
        Map<String, CommandAudit.RoundTrips> audit = new LinkedHashMap<>();
        List<Window.Closed> audited = new ArrayList<>(List.of(phases.enqueue(auditJobs), phases.bulk(auditJobs),
                phases.drain(auditJobs, 8)));
        audited.add(phases.latency(rate, Math.max(1, auditJobs / rate), Phases.RateWarmUp.NONE, 8).window());
        phases.audit(null);
        for (Window.Closed closed : audited) {
            out.println("  " + Report.roundTrips(closed.figures(), closed.roundTrips()));
            audit.put(closed.figures().phase(), closed.roundTrips());
        }
        return audit;
    }

    void warmUp(Phases phases) throws InterruptedException {
        JitActivity.Deoptimizations.prime(); // why first: it throws compiled code away, once per JVM
        if (warmup <= 0) {
            return;
        }
        long start = System.nanoTime();
        int rounds = 0;
        long jitMillis;
        do {
            long jitBefore = JitActivity.millisSoFar();
            phases.enqueue(warmup);
            phases.bulk(warmup);
            phases.drain(warmup, 8);
            phases.drain(warmup, 1);
            rounds++;
            jitMillis = jitBefore < 0 ? -1 : JitActivity.millisSoFar() - jitBefore;
        } while (jitMillis >= JitActivity.SETTLED_MILLIS && rounds < MAX_WARMUP_ROUNDS);
        out.printf(Locale.ROOT, "warm-up: %d round(s) of %d jobs enqueued one by one, in bulk, and drained at c8 and "
                + "c1 (%.1f s; the JIT compiled %d ms in the last round%s), not measured%n", rounds, warmup,
                (System.nanoTime() - start) / 1e9, jitMillis,
                jitMillis >= JitActivity.SETTLED_MILLIS ? ", not settled" : "");
    }

    Map<String, Object> environment(RedisAdmin admin, String target) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("redis", target.replaceAll("//[^@/]*@", "//"));
        environment.put("redis_version", field(admin.info("server"), "redis_version"));
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        // why: taskset's pinning changes every figure (one vCPU for all: no wake-ups of a halted vCPU, no
        // parallelism); the peers' reference figures were measured with everything on one CPU
        environment.put("cpus_online", ProcStatus.cpusOnline());
        environment.put("cpus", ProcStatus.cpusAllowed(ProcStatus.ofThisProcess()));
        environment.put("redis_cpus", redisCpus(admin));
        environment.put("java", Runtime.version().toString());
        environment.put("jobs", jobs);
        environment.put("chunk", chunk);
        environment.put("rate", rate);
        environment.put("seconds", seconds);
        environment.put("warmup", warmup);
        environment.put("rate_warmup", rateWarmup);
        environment.put("rate_warmup_max", rateWarmupMax);
        return environment;
    }

    /** The CPUs the Redis measured may run on, "?" when it is not a redis-server of this machine. */
    private static String redisCpus(RedisAdmin admin) {
        String pid = field(admin.info("server"), "process_id");
        String status = pid.matches("[0-9]+") ? ProcStatus.ofProcess(Long.parseLong(pid)) : "";
        return status.startsWith("Name:\tredis-server") ? ProcStatus.cpusAllowed(status) : "?";
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "?";
    }

    /** The fixed-rate run's warm-up, from {@code --rate-warmup} and {@code --rate-warmup-max}. */
    Phases.RateWarmUp rateWarmUp() {
        return new Phases.RateWarmUp(rateWarmup, rateWarmupMax);
    }

    private boolean wants(String phase) {
        return only == null || only.equals(phase);
    }

    private void checkOptions() {
        if (only != null && !List.of("enqueue", "bulk", "drain", "latency", "scaling", "audit", "memory")
                .contains(only)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--only must be one of enqueue, bulk, "
                    + "drain, latency, scaling, audit, memory; was '" + only + "'");
        }
        if (jobs < 1 || chunk < 1 || rate <= 0 || seconds <= 0 || rounds < 1
                || concurrencies.stream().anyMatch(c -> c < 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--jobs, --chunk, --rate, --seconds and "
                    + "--concurrency must be positive");
        }
        if (rateWarmup < 0 || rateWarmupMax < rateWarmup) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate-warmup must be 0 or more and "
                    + "--rate-warmup-max at least --rate-warmup; were " + rateWarmup + " and " + rateWarmupMax);
        }
        if (workerJvms.stream().anyMatch(n -> n < 1) || jvmConcurrency < 1 || memoryJobs < 1
                || memoryConcurrency < 1 || !memoryHeap.matches("[0-9]+[kKmMgG]?")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--worker-jvms, --jvm-concurrency, "
                    + "--memory-jobs and --memory-concurrency must be positive and --memory-heap a size such as "
                    + "128m");
        }
    }
}
