package dev.jrq.bench;

/**
 * The fixed-rate run's latencies, in microseconds: enqueue to done is {@code ended_at - enqueued_at} of each job's
 * hash, pickup is from {@code enqueued_at} to the moment the job's handler began (noted by the bench's job). All
 * times are this JVM's clock: {@code enqueued_at} just before the enqueue call, {@code ended_at} when the job's
 * success was written.
 *
 * @param targetRate   jobs per second asked for
 * @param achievedRate jobs per second the producer sent
 */
record LatencyFigures(double targetRate, double achievedRate, int jobs, long doneP50, long doneP95, long doneP99,
                      long doneMax, long pickupP50, long pickupP99) {

    /** The figures of the given samples. */
    static LatencyFigures of(double targetRate, double achievedRate, long[] doneMicros, long[] pickupMicros) {
        Percentiles done = Percentiles.of(doneMicros);
        Percentiles pickup = Percentiles.of(pickupMicros);
        return new LatencyFigures(targetRate, achievedRate, done.count(), done.at(50), done.at(95), done.at(99),
                done.max(), pickup.at(50), pickup.at(99));
    }
}
