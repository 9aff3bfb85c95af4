package dev.jrq.bench;

/**
 * The fixed-rate run's latencies, in microseconds: enqueue to done is {@code ended_at - enqueued_at} of each job's
 * hash, pickup is from {@code enqueued_at} to the moment the job's handler began (noted by the bench's job). All
 * times are this JVM's clock: {@code enqueued_at} just before the enqueue call, {@code ended_at} when the job's
 * success was written.
 *
 * <p>The path is split in three legs, each with its own p50 and p99, to show where the slow jobs lose their time:
 * to Redis is {@code enqueued_at} to {@code started_at} (the producer's call reaching Redis, and the worker's take
 * running there: an idle slot's start is stamped with Redis's clock when its wait returned, moved onto this JVM's
 * clock by an offset the worker measures every half minute, within half that measure's round trip), to the handler is
 * {@code started_at} to the handler's start (the reply's way to the slot's thread), and the handler to done is the
 * handler's start to {@code ended_at}.
 *
 * @param targetRate   jobs per second asked for
 * @param achievedRate jobs per second the producer sent
 * @param warmUp       the unmeasured run at the rate before these jobs
 * @param jitMillis    milliseconds the JIT spent compiling while these jobs ran (-1: the JVM does not tell)
 */
record LatencyFigures(double targetRate, double achievedRate, int jobs, long doneP50, long doneP95, long doneP99,
                      long doneMax, long pickupP50, long pickupP99, Leg toRedis, Leg toHandler, Leg handlerToDone,
                      Phases.Warmed warmUp, long jitMillis) {

    /** One leg of the path: its median and 99th percentile, in microseconds. */
    record Leg(long p50, long p99) {
        static Leg of(long[] micros) {
            Percentiles leg = Percentiles.of(micros);
            return new Leg(leg.at(50), leg.at(99));
        }
    }

    /** Each job's moments, in microseconds since {@code enqueued_at}. */
    record JobMoments(long started, long handlerStarted, long ended) {
    }

    /** The figures of the given jobs' moments. */
    static LatencyFigures of(double targetRate, double achievedRate, JobMoments[] jobs, Phases.Warmed warmUp,
                             long jitMillis) {
        int n = jobs.length;
        long[] done = new long[n];
        long[] pickup = new long[n];
        long[] toRedis = new long[n];
        long[] toHandler = new long[n];
        long[] handlerToDone = new long[n];
        for (int i = 0; i < n; i++) {
            done[i] = jobs[i].ended();
            pickup[i] = jobs[i].handlerStarted();
            toRedis[i] = jobs[i].started();
            toHandler[i] = jobs[i].handlerStarted() - jobs[i].started();
            handlerToDone[i] = jobs[i].ended() - jobs[i].handlerStarted();
        }
        Percentiles doneAt = Percentiles.of(done);
        Percentiles pickupAt = Percentiles.of(pickup);
        return new LatencyFigures(targetRate, achievedRate, doneAt.count(), doneAt.at(50), doneAt.at(95),
                doneAt.at(99), doneAt.max(), pickupAt.at(50), pickupAt.at(99), Leg.of(toRedis), Leg.of(toHandler),
                Leg.of(handlerToDone), warmUp, jitMillis);
    }
}
