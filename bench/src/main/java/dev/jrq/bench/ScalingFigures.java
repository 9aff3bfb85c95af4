package dev.jrq.bench;

import java.util.List;

/**
 * What the scaling phase measured for one number of worker JVMs draining the same queue. The CPU figures count
 * from the go to each JVM's end, a little more than the drain's span (the slots' start and burst exit), so on a
 * run of a few thousand jobs the shares can read a little high, even past 100%.
 *
 * @param jvms            worker JVMs
 * @param concurrency     slots per JVM
 * @param jobs            jobs drained
 * @param seconds         first job begun (in any JVM) to last job done (in any JVM)
 * @param redisCommands   commands Redis processed from the go to the last JVM's end, the benchmark's own left out
 * @param redisCpuMicros  Redis server CPU (user + system) in that window
 * @param workerCpuMicros the worker JVMs' process CPU from their go to their end, summed
 * @param allocatedBytes  heap bytes the worker JVMs' threads allocated in that span, summed; -1 when unknown
 * @param peakRssKilobytes the largest {@code VmHWM} of the worker JVMs
 * @param gcCount         the worker JVMs' collections in that span, summed
 * @param cores           processors of the machine, shared by Redis, the workers and the benchmark
 */
record ScalingFigures(int jvms, int concurrency, int jobs, double seconds, long redisCommands, long redisCpuMicros,
                      long workerCpuMicros, long allocatedBytes, long peakRssKilobytes, long gcCount, int cores)
        implements PerJobRates {

    /** The figures of the worker JVMs' reports and of Redis' counters over their run. */
    static ScalingFigures of(int concurrency, int jobs, List<ChildFigures> children, ServerStats redis, int cores) {
        long first = children.stream().filter(child -> child.jobs() > 0).mapToLong(ChildFigures::firstJobMicros)
                .min().orElse(0);
        long last = children.stream().mapToLong(ChildFigures::lastJobMicros).max().orElse(0);
        boolean allocationKnown = children.stream().allMatch(child -> child.allocatedBytes() >= 0);
        return new ScalingFigures(children.size(), concurrency, jobs, (last - first) / 1e6, redis.commands(),
                redis.cpuMicros(), children.stream().mapToLong(ChildFigures::cpuMicros).sum(),
                allocationKnown ? children.stream().mapToLong(ChildFigures::allocatedBytes).sum() : -1,
                children.stream().mapToLong(ChildFigures::peakRssKilobytes).max().orElse(-1),
                children.stream().mapToLong(ChildFigures::gcCount).sum(), cores);
    }

    /** How busy Redis' one command thread was over the drain: its CPU over the drain's wall time (1 = 100%). */
    double redisCpuShare() {
        return redisCpuMicros / (seconds * 1e6);
    }

    double workerCpuMicrosPerJob() {
        return (double) workerCpuMicros / jobs;
    }

    /** Redis' and the workers' CPU over what the machine's cores offered in the drain's wall time. */
    double hostCpuShare() {
        return (redisCpuMicros + workerCpuMicros) / (seconds * 1e6 * cores);
    }

    /** Heap bytes per job, NaN when unknown. */
    double allocatedBytesPerJob() {
        return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / jobs;
    }

    /** The rate at which Redis' one thread would be busy all the time at this Redis CPU per job. */
    double redisBoundJobsPerSecond() {
        return redisCpuMicros > 0 ? 1e6 / redisCpuMicrosPerJob() : Double.NaN;
    }
}
