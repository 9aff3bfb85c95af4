package dev.jrq.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one phase measured, per job.
 *
 * @param phase              e.g. {@code enqueue}, {@code bulk}, {@code drain c8}, {@code latency 500/s}
 * @param jobs               jobs the phase handled
 * @param seconds            the timed span (for a drain: first job started to last job recorded)
 * @param redisCommands      commands Redis processed in the phase's window, Lua scripts' inner ones included, the
 *                           benchmark's own probes left out
 * @param redisCpuMicros     Redis server CPU (user + system) in the window
 * @param jvmCpuMicros       this JVM's CPU in the window (producer, worker, Redis client, JIT and GC together)
 * @param commandsByName     Redis calls in the window by command name, the benchmark's own left out
 * @param allocatedBytes     heap bytes allocated in the window by this JVM's threads alive when it closed
 *                           (producer, worker slots, Redis client threads), -1 when the JVM cannot tell
 */
record PhaseFigures(String phase, int jobs, double seconds, long redisCommands, long redisCpuMicros,
                    long jvmCpuMicros, Map<String, Long> commandsByName, long allocatedBytes)
        implements PerJobRates {

    PhaseFigures(String phase, int jobs, double seconds, long redisCommands, long redisCpuMicros, long jvmCpuMicros,
                 Map<String, Long> commandsByName) {
        this(phase, jobs, seconds, redisCommands, redisCpuMicros, jvmCpuMicros, commandsByName, -1);
    }

    PhaseFigures {
        if (jobs <= 0) {
            throw new IllegalArgumentException("a phase handles at least one job; was " + jobs);
        }
        commandsByName = Map.copyOf(commandsByName);
    }

    double jvmCpuMicrosPerJob() {
        return (double) jvmCpuMicros / jobs;
    }

    /** Heap bytes allocated per job, NaN when unknown. */
    double allocatedBytesPerJob() {
        return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / jobs;
    }

    /** Calls per job by command name, largest first. */
    Map<String, Double> commandsPerJob() {
        Map<String, Double> perJob = new TreeMap<>();
        commandsByName.forEach((name, count) -> perJob.put(name, (double) count / jobs));
        return perJob;
    }
}
