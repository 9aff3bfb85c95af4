package dev.jrq.bench;

/**
 * The per-job figures every measured run reports, derived from its totals: what {@link PhaseFigures} (one phase
 * in the bench's JVM) and {@link ScalingFigures} (worker JVMs apart) share.
 */
interface PerJobRates {
    int jobs();

    double seconds();

    long redisCommands();

    long redisCpuMicros();

    default double jobsPerSecond() {
        return seconds() > 0 ? jobs() / seconds() : Double.NaN;
    }

    default double redisCommandsPerJob() {
        return (double) redisCommands() / jobs();
    }

    default double redisCpuMicrosPerJob() {
        return (double) redisCpuMicros() / jobs();
    }
}
