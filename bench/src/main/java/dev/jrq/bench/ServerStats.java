package dev.jrq.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Redis' own counters at one moment, from {@code INFO stats cpu commandstats}: commands processed (those run
 * inside Lua scripts included), CPU used by the server process, and calls per command.
 *
 * @param commands   {@code total_commands_processed}
 * @param cpuMicros  {@code used_cpu_sys + used_cpu_user}, in microseconds
 * @param calls      {@code cmdstat_<name>:calls=} by lower-case command name
 */
record ServerStats(long commands, long cpuMicros, Map<String, Long> calls) {

    ServerStats {
        calls = Map.copyOf(calls);
    }

    /** Reads the counters from the text of {@code INFO stats cpu commandstats}. */
    static ServerStats parse(String info) {
        long commands = 0;
        double cpuSeconds = 0;
        Map<String, Long> calls = new TreeMap<>();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("total_commands_processed:")) {
                commands = Long.parseLong(value(line));
            } else if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                cpuSeconds += Double.parseDouble(value(line));
            } else if (line.startsWith("cmdstat_")) {
                int colon = line.indexOf(':');
                String name = line.substring("cmdstat_".length(), colon).toLowerCase(java.util.Locale.ROOT);
                calls.put(name, callsOf(line.substring(colon + 1)));
            }
        }
        return new ServerStats(commands, Math.round(cpuSeconds * 1e6), calls);
    }

    /** What happened between {@code before} and this snapshot. */
    ServerStats minus(ServerStats before) {
        Map<String, Long> delta = new TreeMap<>();
        calls.forEach((name, count) -> {
            long change = count - before.calls.getOrDefault(name, 0L);
            if (change != 0) {
                delta.put(name, change);
            }
        });
        return new ServerStats(commands - before.commands, cpuMicros - before.cpuMicros, delta);
    }

    /**
     * These counters without the benchmark's own commands: {@code own} calls by command name, plus the one
     * {@code INFO} that took the first snapshot (Redis counts a command after it has run, so the snapshot that
     * ends a window is not in it).
     */
    ServerStats withoutOwn(Map<String, Long> own) {
        Map<String, Long> left = new TreeMap<>(calls);
        long ownTotal = 0;
        for (Map.Entry<String, Long> entry : own.entrySet()) {
            left.computeIfPresent(entry.getKey(), (name, count) -> count - entry.getValue() == 0 ? null
                    : count - entry.getValue());
            ownTotal += entry.getValue();
        }
        Long info = left.remove("info");
        return new ServerStats(commands - ownTotal - (info == null ? 0 : info), cpuMicros, left);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static long callsOf(String fields) {
        for (String field : fields.split(",")) {
            if (field.startsWith("calls=")) {
                return Long.parseLong(field.substring("calls=".length()));
            }
        }
        return 0;
    }
}
