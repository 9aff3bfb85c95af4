package dev.jrq.bench;

/**
 * What the memory phase measured: one worker JVM with a small heap draining a big queue.
 *
 * @param jobs               jobs loaded
 * @param finished           jobs in the finished registry afterwards
 * @param concurrency        the worker's slots
 * @param heap               its {@code -Xmx}
 * @param seconds            its first job begun to its last job done
 * @param exitCode           the worker JVM's exit code (3: {@code -XX:+ExitOnOutOfMemoryError} fired)
 * @param worker             its own report, {@code null} when it printed none
 * @param gc                 its GC log
 * @param redisEmptyBytes    Redis {@code used_memory} before loading
 * @param redisQueuedBytes   after loading, before the drain
 * @param redisDrainedBytes  after the drain (finished jobs keep hash and result for RQ's result TTL)
 * @param redisCpuMicros     Redis CPU from the go to the worker JVM's end
 * @param redisMaxMemory     Redis' {@code maxmemory} (0: no limit)
 */
record MemoryFigures(int jobs, long finished, int concurrency, String heap, double seconds, int exitCode,
                     ChildFigures worker, GcLog gc, long redisEmptyBytes, long redisQueuedBytes,
                     long redisDrainedBytes, long redisCpuMicros, long redisMaxMemory) {

    /** The worker ended with exit code 0, reported no slot failure, and every job finished. */
    boolean clean() {
        return exitCode == 0 && worker != null && worker.slotFailure() == null && finished == jobs;
    }

    double jobsPerSecond() {
        return seconds > 0 ? jobs / seconds : Double.NaN;
    }

    /** Heap bytes per job from the worker's threads' own counts, NaN when unknown. */
    double allocatedBytesPerJob() {
        return worker == null || worker.allocatedBytes() < 0 ? Double.NaN : (double) worker.allocatedBytes() / jobs;
    }

    /** Heap bytes per job from the GC log (its whole life, start-up included). */
    double gcLogAllocatedBytesPerJob() {
        return (double) gc.allocatedBytes() / jobs;
    }

    /** Share of the drain's wall time spent in GC pauses. */
    double pauseShare() {
        return seconds > 0 ? gc.totalPauseMillis() / (seconds * 1000) : Double.NaN;
    }

    /** Redis bytes per waiting job. */
    double redisBytesPerQueuedJob() {
        return (double) (redisQueuedBytes - redisEmptyBytes) / jobs;
    }

    /** Redis bytes per finished job kept for the result TTL. */
    double redisBytesPerFinishedJob() {
        return (double) (redisDrainedBytes - redisEmptyBytes) / jobs;
    }
}
