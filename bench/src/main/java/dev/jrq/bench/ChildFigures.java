package dev.jrq.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What one worker JVM ({@link WorkerProcess}) measured of itself from the moment it was told to start to the end
 * of its burst, printed as one JSON line after {@link #PREFIX} on its standard output.
 *
 * @param jobs             jobs its handler ran
 * @param firstJobMicros   wall-clock time (µs since the epoch) when its first job began, 0 with no job
 * @param lastJobMicros    wall-clock time when its last job's handler returned, 0 with no job
 * @param cpuMicros        its process CPU (all threads: slots, Redis client, JIT, GC) in that span
 * @param gcCount          collections in that span, all collectors
 * @param gcMillis         time the collectors report for them
 * @param allocatedBytes   heap bytes its threads allocated in that span, -1 when the JVM cannot tell
 * @param peakRssKilobytes {@code VmHWM}: its peak resident set over its whole life, -1 off Linux
 * @param slotFailure      the internal error a slot died of, {@code null} when none did
 */
record ChildFigures(@JsonProperty("jobs") long jobs,
                    @JsonProperty("first_job_us") long firstJobMicros,
                    @JsonProperty("last_job_us") long lastJobMicros,
                    @JsonProperty("cpu_us") long cpuMicros,
                    @JsonProperty("gc_count") long gcCount,
                    @JsonProperty("gc_ms") long gcMillis,
                    @JsonProperty("allocated_bytes") long allocatedBytes,
                    @JsonProperty("peak_rss_kb") long peakRssKilobytes,
                    @JsonProperty("slot_failure") String slotFailure) {
    /** What starts the figures' line on the worker JVM's standard output. */
    static final String PREFIX = "jrq-bench-worker-figures ";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The line the worker JVM prints. */
    String toLine() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the worker figures as JSON", e);
        }
    }

    /** The figures in a line of a worker JVM's output, empty when the line is something else. */
    static Optional<ChildFigures> fromLine(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(PREFIX.length()), ChildFigures.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a worker JVM printed figures that are not its JSON: " + line, e);
        }
    }
}
