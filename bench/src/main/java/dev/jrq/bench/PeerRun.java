package dev.jrq.bench;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --peers}: JRQ and the installed peers through the same workloads on the same Redis, round by round, each
 * workload run by every queue before the next workload starts (the peer order rotates per round, as the peers'
 * own {@code run-all.sh} does). Prints every figure as it comes, then the {@link Comparison} table.
 */
final class PeerRun {
    static final String JRQ = "jrq";

    private final BenchMain options;
    private final Phases phases;
    private final RedisAdmin admin;
    private final String target;
    private final PrintStream out;
    private final Comparison comparison = new Comparison();

    PeerRun(BenchMain options, Phases phases, RedisAdmin admin, String target, PrintStream out) {
        this.options = options;
        this.phases = phases;
        this.admin = admin;
        this.target = target;
        this.out = out;
    }

    int run() throws InterruptedException {
        URI uri = URI.create(target);
        long redisPid = Long.parseLong(field(admin.info("server"), "process_id"));
        PeerHarness harness = PeerHarness.at(options.peerBench, uri.getPort(), redisPid, options.jobs, options.chunk,
                options.rate, options.seconds);
        List<String> peers = harness.installed();
        if (options.peerList != null) {
            peers.retainAll(options.peerList);
        }
        out.println("jrq-bench --peers: " + options.environment(admin, target) + ", rounds=" + options.rounds
                + ", peers=" + peers + " (harness " + options.peerBench.toAbsolutePath().normalize() + ")");
        if (peers.isEmpty()) {
            out.println("no peer is installed: run bash " + options.peerBench.resolve("setup.sh") + " first");
        }
        options.warmUp(phases);
        for (int round = 1; round <= options.rounds; round++) {
            List<String> order = rotated(peers, round);
            for (String workload : List.of("enqueue", "bulk", "drain c1", "drain c8", "latency")) {
                runJrq(workload);
                for (String peer : order) {
                    runPeer(harness, peer, workload, round);
                }
            }
        }
        out.println();
        out.println("JRQ beside its peers, same Redis, same run (" + options.jobs + " jobs per run, latency at "
                + String.format(Locale.ROOT, "%.0f", options.rate) + " jobs/s for " + options.seconds
                + " s, c8; medians of " + options.rounds + " round(s); " + placement() + "):");
        out.println(comparison.table(JRQ));
        return 0;
    }

    private void runJrq(String workload) throws InterruptedException {
        switch (workload) {
            case "enqueue" -> record(Comparison.Column.ENQUEUE, phases.enqueue(options.jobs).figures(), false);
            case "bulk" -> record(Comparison.Column.BULK, phases.bulk(options.jobs).figures(), false);
            case "drain c1" -> record(Comparison.Column.DRAIN_C1, phases.drain(options.jobs, 1).figures(), false);
            case "drain c8" -> record(Comparison.Column.DRAIN_C8, phases.drain(options.jobs, 8).figures(), true);
            case "latency" -> {
                Phases.Measured measured = phases.latency(options.rate, options.seconds, options.rateWarmUp(), 8);
                LatencyFigures latency = measured.latency();
                comparison.add(JRQ, Comparison.Column.P50, latency.doneP50() / 1000.0);
                comparison.add(JRQ, Comparison.Column.P99, latency.doneP99() / 1000.0);
                out.println("  jrq     " + Report.latency(latency));
            }
            default -> throw new IllegalArgumentException(workload);
        }
    }

    private void record(Comparison.Column column, PhaseFigures figures, boolean costs) {
        comparison.add(JRQ, column, figures.jobsPerSecond());
        if (costs) {
            comparison.add(JRQ, Comparison.Column.REDIS_CPU, figures.redisCpuMicrosPerJob());
            comparison.add(JRQ, Comparison.Column.WORKER_CPU, figures.jvmCpuMicrosPerJob());
        }
        out.printf(Locale.ROOT, "  jrq     %-16s %8.0f jobs/s, %5.1f Redis cmds/job, Redis CPU %6.1f µs/job, JVM CPU "
                        + "%6.1f µs/job, JVM alloc %6.0f B/job%n", figures.phase(), figures.jobsPerSecond(),
                figures.redisCommandsPerJob(), figures.redisCpuMicrosPerJob(), figures.jvmCpuMicrosPerJob(),
                figures.allocatedBytesPerJob());
    }

    private void runPeer(PeerHarness harness, String peer, String workload, int round) {
        String harnessWorkload;
        String setting;
        switch (workload) {
            case "enqueue" -> {
                harnessWorkload = "w1";
                setting = "single";
            }
            case "bulk" -> {
                harnessWorkload = "w1";
                setting = "bulk";
            }
            case "drain c1", "drain c8" -> {
                harnessWorkload = "w2";
                setting = PeerHarness.DRAIN_SETTINGS.get(peer).get(workload.endsWith("c1") ? 0 : 1);
            }
            case "latency" -> {
                harnessWorkload = "w3";
                setting = PeerHarness.DRAIN_SETTINGS.get(peer).get(1);
            }
            default -> throw new IllegalArgumentException(workload);
        }
        Map<String, Object> result = harness.runCase(peer, harnessWorkload, setting, round);
        comparison.addPeerCase(peer, harnessWorkload, setting, result);
        out.printf(Locale.ROOT, "  %-7s %-16s %s%n", peer, harnessWorkload + " " + setting, summary(result));
    }

    private static String summary(Map<String, Object> result) {
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            return "FAILED: " + result.getOrDefault("error", result);
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("jobs_per_s", "rate", "p50_ms", "p99_ms", "redis_us_per_job", "worker_us_per_job",
                "client_us_per_job", "foreign_cpu_pct")) {
            if (result.get(field) != null) {
                parts.add(field + "=" + result.get(field));
            }
        }
        return String.join(", ", parts);
    }

    /** Where the processes ran: all on the benchmark's CPUs (started under taskset), or wherever Linux put them. */
    private static String placement() {
        String pinned = ProcStatus.pinnedCpus();
        return pinned == null ? "unpinned, CPUs " + ProcStatus.cpusOnline()
                : "every process pinned to CPU(s) " + pinned + " of " + ProcStatus.cpusOnline() + " (taskset)";
    }

    private static List<String> rotated(List<String> peers, int round) {
        if (peers.isEmpty()) {
            return peers;
        }
        int shift = (round - 1) % peers.size();
        List<String> order = new ArrayList<>(peers.subList(shift, peers.size()));
        order.addAll(peers.subList(0, shift));
        return order;
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new IllegalStateException("Redis INFO has no " + name);
    }
}
