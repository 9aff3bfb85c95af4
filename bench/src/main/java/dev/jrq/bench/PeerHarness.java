package dev.jrq.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peers' benchmark harness ({@code shared/peer-bench/harness.py}: RQ, Sidekiq, BullMQ), driven case by case
 * against the benchmark's own redis-server, so that JRQ and the peers are measured on the same Redis, in the same
 * run, interleaved. The harness's own rules hold: it flushes Redis before each case, runs each peer as a process of
 * its own, and prices each case from {@code /proc} (worker CPU, Redis CPU).
 */
final class PeerHarness {
    /** The peers in the order of the table, with what {@code setup.sh --check} says when one is missing. */
    static final Map<String, String> PEERS = Map.of("sidekiq", "ruby-sidekiq", "bullmq", "bullmq", "rq",
            "python3-rq");
    /** The harness's setting per peer for concurrency 1 and for concurrency 8 (RQ has no threads: 2 processes). */
    static final Map<String, List<String>> DRAIN_SETTINGS = Map.of("sidekiq", List.of("c1", "c8"), "bullmq",
            List.of("c1", "c8"), "rq", List.of("simple1", "simple2"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, String> environment;

    private PeerHarness(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /**
     * The harness in {@code directory}, pointed at the Redis on {@code port} (process {@code redisPid}, whose CPU
     * it reads from {@code /proc}), with the benchmark's sizes.
     */
    static PeerHarness at(Path directory, int port, long redisPid, int jobs, int chunk, double rate,
                          double seconds) {
        Path harness = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(harness.resolve("harness.py"))) {
            throw new IllegalArgumentException("no peer harness in " + directory.toAbsolutePath()
                    + " (expected harness.py there); pass --peer-bench DIR");
        }
        try {
            Path scratch = Files.createTempDirectory("jrq-bench-peers-");
            Files.writeString(scratch.resolve("redis-" + port + ".pid"), Long.toString(redisPid));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PB_HOST", "127.0.0.1");
            env.put("PB_PORT", Integer.toString(port));
            env.put("PB_TMP", scratch.toString());
            // why: the peers were installed under the harness's default scratch folder, not under ours
            env.put("PB_NODE_DIR", System.getenv().getOrDefault("PB_NODE_DIR", "/tmp/peerbench/node"));
            env.put("PB_N", Integer.toString(jobs));
            env.put("PB_BULK_CHUNK", Integer.toString(chunk));
            env.put("PB_RATE", Double.toString(rate));
            env.put("PB_SECS", Double.toString(seconds));
            // why: the harness only records it; its processes inherit the benchmark's own CPUs (taskset)
            String pinned = ProcStatus.pinnedCpus();
            if (pinned != null) {
                env.put("PB_PIN", pinned);
            }
            return new PeerHarness(harness, env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the peer harness's scratch folder", e);
        }
    }

    /** The peers whose tools are installed ({@code setup.sh --check}), in table order. */
    List<String> installed() {
        String report = run(List.of("bash", directory.resolve("setup.sh").toString(), "--check"), 120).output();
        List<String> installed = new ArrayList<>();
        for (String peer : List.of("sidekiq", "bullmq", "rq")) {
            if (!report.contains("MISSING: " + PEERS.get(peer))) {
                installed.add(peer);
            }
        }
        return installed;
    }

    /** Runs one case ({@code w1 single}, {@code w2 c8}, {@code w3 c8}...) and returns the harness's result line. */
    Map<String, Object> runCase(String peer, String workload, String setting, int round) {
        Ran ran = run(List.of("/usr/bin/python3", directory.resolve("harness.py").toString(), "case", peer, workload,
                setting, "--round", Integer.toString(round)), 900);
        String[] lines = ran.output().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{")) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> result = JSON.readValue(lines[i], Map.class);
                    return result;
                } catch (IOException e) {
                    break;
                }
            }
        }
        return Map.of("ok", false, "error", "the harness printed no result (exit " + ran.exit() + "): "
                + ran.output().strip());
    }

    private Ran run(List<String> command, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Ran(process.isAlive() ? -1 : process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private record Ran(int exit, String output) {
    }
}
