package dev.jrq.bench;

import dev.jrq.api.JobRequest;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.worker.Worker;
import dev.jrq.worker.WorkerOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's phases, each on a freshly flushed Redis db: enqueue one by one, enqueue in bulk, drain a full
 * queue with an in-process worker, and a fixed-rate producer beside a worker. A producer client and a worker
 * client stand for two processes; each phase checks that every job it counted is where it should be.
 */
final class Phases {
    static final String QUEUE = "bench";
    private static final int WARM_UP_JOBS = 20;
    /** The fixed-rate warm-up's window: the JIT has settled when it compiled under JitActivity.SETTLED_MILLIS in it. */
    private static final int SETTLED_WINDOW_SECONDS = 10;
    /**
     * And when no compiled code was thrown away for this long ({@link JitActivity.Deoptimizations}). why 20: a
     * method deoptimized at 500 jobs/s was compiled again 10 s later, inside a window that had looked settled.
     */
    private static final double SETTLED_DEOPT_QUIET_SECONDS = 20;

    private final JrqClient producer;
    private final JrqClient workerClient;
    private final RedisAdmin admin;
    private final int chunk;
    private final BenchJob job = new BenchJob();
    /** The URL MONITOR connects to while auditing, {@code null} otherwise. */
    private String auditUrl;
    /** Probes this benchmark sent through JRQ's client in the current window, by command name. */
    private final Map<String, Long> own = new HashMap<>();

    Phases(JrqClient producer, JrqClient workerClient, RedisAdmin admin, int chunk) {
        this.producer = producer;
        this.workerClient = workerClient;
        this.admin = admin;
        this.chunk = chunk;
    }

    /** Counts the commands clients send under MONITOR in the following phases ({@code null}: stop auditing). */
    void audit(String url) {
        this.auditUrl = url;
    }

    /** Enqueues {@code n} jobs one call at a time from this thread. */
    Window.Closed enqueue(int n) throws InterruptedException {
        JobQueue queue = fresh();
        Window window = open();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            queue.enqueue(BenchJob.NAME, i);
        }
        Window.Closed closed = window.close("enqueue", n, seconds(start, System.nanoTime()), own);
        expect("queued", queue.count(), n);
        return closed;
    }

    /** Enqueues {@code n} jobs with {@code enqueueMany}, {@code chunk} per call. */
    Window.Closed bulk(int n) throws InterruptedException {
        JobQueue queue = fresh();
        Window window = open();
        long start = System.nanoTime();
        enqueueInBulk(queue, n);
        Window.Closed closed = window.close("bulk " + chunk, n, seconds(start, System.nanoTime()), own);
        expect("queued", queue.count(), n);
        return closed;
    }

    /**
     * Drains {@code n} queued jobs with one worker of {@code concurrency} slots. The time runs from the first job's
     * start to the moment the finished registry holds all {@code n}.
     */
    Window.Closed drain(int n, int concurrency) throws InterruptedException {
        JobQueue queue = fresh();
        enqueueInBulk(queue, n);
        BenchJob.Tally tally = job.expect(n);
        Worker worker = worker(concurrency);
        Window window = open();
        try {
            worker.start();
            tally.await(Duration.ofSeconds(60 + n / 100));
            long end = awaitFinished(queue, n);
            Window.Closed closed = window.close("drain c" + concurrency, n, seconds(tally.firstNanos(), end), own);
            expect("failed", queue.registry(RegistryType.FAILED).count(), 0);
            return closed;
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    /** A freshly flushed queue holding {@code n} jobs, loaded as the drain phase loads them. */
    JobQueue loaded(int n) {
        JobQueue queue = fresh();
        enqueueInBulk(queue, n);
        return queue;
    }

    /**
     * Enqueues at {@code rate} jobs per second for {@code seconds} (an absolute schedule: job i is due at
     * start + i / rate) while a worker of {@code concurrency} slots runs them, then reads each job's timestamps.
     * Before that, unmeasured, the same rate until the JIT has settled ({@link #warmAtRate}): the paths of a worker
     * that waits for each job are not those of the drain, and at a low rate the JIT compiles them for tens of
     * seconds, on the cores the measured jobs need.
     */
    Measured latency(double rate, double seconds, RateWarmUp warmUp, int concurrency) throws InterruptedException {
        JobQueue queue = fresh();
        int n = (int) Math.max(1, Math.round(rate * seconds));
        Worker worker = worker(concurrency);
        List<Job> jobs;
        double achieved;
        Window.Closed closed;
        BenchJob.Tally tally;
        Warmed warmed;
        long jitMillis;
        worker.start();
        try {
            warmUp(queue);
            warmed = warmAtRate(queue, rate, warmUp, n);
            awaitFinished(queue, WARM_UP_JOBS + warmed.jobs());
            tally = job.expect(n, true);
            Window window = open();
            long jitBefore = JitActivity.millisSoFar();
            long start = System.nanoTime();
            jobs = produce(queue, n, rate, start, 0, n);
            achieved = n / seconds(start, System.nanoTime());
            tally.await(Duration.ofSeconds(60 + n / 100));
            long end = awaitFinished(queue, WARM_UP_JOBS + warmed.jobs() + n);
            jitMillis = JitActivity.millisSoFar() - jitBefore;
            closed = window.close(String.format(java.util.Locale.ROOT, "latency %.0f/s c%d", rate, concurrency), n,
                    seconds(start, end), own);
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        return new Measured(closed, latencies(jobs, tally, rate, achieved, warmed, jitMillis));
    }

    /**
     * How long the fixed-rate run warms up: at least {@code minSeconds} at the rate, then until the JIT compiled
     * under {@link JitActivity#SETTLED_MILLIS} ms in the last {@link #SETTLED_WINDOW_SECONDS} seconds (1 % of a
     * core) and threw no compiled code away in the last {@link #SETTLED_DEOPT_QUIET_SECONDS}, but no longer than
     * {@code maxSeconds}.
     */
    record RateWarmUp(double minSeconds, double maxSeconds) {
        static final RateWarmUp NONE = new RateWarmUp(0, 0);
    }

    /** A phase's figures and, for the fixed-rate run, its latencies. */
    record Measured(Window.Closed window, LatencyFigures latency) {
    }

    /** What the warm-up did: jobs sent, for how long, and whether the JIT had settled by its end. */
    record Warmed(int jobs, double seconds, boolean jitSettled) {
    }

    /**
     * Enqueues at {@code rate}, one second's jobs at a time, for as long as {@code warmUp} says, with the arguments
     * of the measured run's {@code args} jobs ({@link #produce}).
     */
    private Warmed warmAtRate(JobQueue queue, double rate, RateWarmUp warmUp, int args) {
        if (warmUp.maxSeconds() <= 0) {
            return new Warmed(0, 0, false);
        }
        // why the handler starts noted, as in the measured run: the first note taken threw the compiled handler
        // path away inside the measured run (the warm-up's jobs are awaited in Redis, awaitFinished, not counted)
        job.expect(Integer.MAX_VALUE, true);
        int perSecond = (int) Math.max(1, Math.round(rate));
        try (JitActivity.Deoptimizations deoptimizations = JitActivity.Deoptimizations.watch()) {
            long start = System.nanoTime();
            int sent = 0;
            // why: compilations come in bursts a few seconds apart long after the first ones; a window sees them
            // (the JIT's total at each second's end, the window's first second's start included)
            ArrayDeque<Long> jitTotals = new ArrayDeque<>(List.of(JitActivity.millisSoFar()));
            while (true) {
                produce(queue, perSecond, rate, start + (long) (sent / rate * 1e9), sent % args, args);
                sent += perSecond;
                jitTotals.addLast(JitActivity.millisSoFar());
                if (jitTotals.size() > SETTLED_WINDOW_SECONDS + 1) {
                    jitTotals.removeFirst();
                }
                double elapsed = seconds(start, System.nanoTime());
                // why: a JVM that does not report its compilation time (-1) never counts as settled; one without
                // JFR is judged by its compilation time alone
                boolean settled = jitTotals.getLast() >= 0 && jitTotals.size() == SETTLED_WINDOW_SECONDS + 1
                        && jitTotals.getLast() - jitTotals.getFirst() < JitActivity.SETTLED_MILLIS
                        && (!deoptimizations.watching()
                            || deoptimizations.quietSeconds() >= SETTLED_DEOPT_QUIET_SECONDS);
                if ((settled && elapsed >= warmUp.minSeconds()) || elapsed >= warmUp.maxSeconds()) {
                    return new Warmed(sent, elapsed, settled);
                }
            }
        }
    }

    /**
     * Enqueues {@code n} jobs at {@code rate} from {@code start} on; job i's argument is {@code (firstArg + i) %
     * args}, so that a warm-up's jobs carry the measured run's arguments.
     * why: replies then have the lengths the warm-up compiled for; the measured run's first job with a 4-digit
     * argument (the warm-up's had at most 3) threw Netty's compiled read loop away (a read that filled its buffer
     * exactly, then one that found nothing), and its recompilation (60-310 ms of C2) fell in the measured run
     */
    private List<Job> produce(JobQueue queue, int n, double rate, long start, int firstArg, int args) {
        List<Job> jobs = new ArrayList<>(n);
        double interval = 1e9 / rate;
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            jobs.add(queue.enqueue(BenchJob.NAME, (firstArg + i) % args));
        }
        return jobs;
    }

    private LatencyFigures latencies(List<Job> jobs, BenchJob.Tally tally, double rate, double achieved,
                                     Warmed warmed, long jitMillis) {
        LatencyFigures.JobMoments[] moments = new LatencyFigures.JobMoments[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            JobRecord record = jobs.get(i).fetch();
            moments[i] = new LatencyFigures.JobMoments(micros(record.enqueuedAt(), record.startedAt()),
                    micros(record.enqueuedAt(), tally.handlerStart(record.id())),
                    micros(record.enqueuedAt(), record.endedAt()));
        }
        return LatencyFigures.of(rate, achieved, moments, warmed, jitMillis);
    }

    private void warmUp(JobQueue queue) throws InterruptedException {
        BenchJob.Tally warm = job.expect(WARM_UP_JOBS);
        for (int i = 0; i < WARM_UP_JOBS; i++) {
            queue.enqueue(BenchJob.NAME, i);
        }
        warm.await(Duration.ofSeconds(30));
        awaitFinished(queue, WARM_UP_JOBS);
    }

    private Worker worker(int concurrency) {
        WorkerOptions options = new WorkerOptions("bench-c" + concurrency + "-" + ProcessHandle.current().pid(),
                List.of(QUEUE), concurrency, false, null);
        return new Worker(workerClient, JobHandlers.of(List.of(job)), options, new SimpleMeterRegistry());
    }

    /** Enqueues {@code n} jobs with {@code enqueueMany}, {@code chunk} per call. */
    void enqueueInBulk(JobQueue queue, int n) {
        for (int from = 0; from < n; from += chunk) {
            List<JobRequest> requests = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                requests.add(JobRequest.of(BenchJob.NAME, i));
            }
            queue.enqueueMany(requests);
        }
    }

    /** Polls the finished registry ({@code ZCARD}, counted as the benchmark's own) until it holds {@code n}. */
    private long awaitFinished(JobQueue queue, long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            own.merge("zcard", 1L, Long::sum);
            if (queue.registry(RegistryType.FINISHED).count() >= n) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the finished registry did not reach " + n + " jobs within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    /** The benchmark's queue in a flushed db. */
    JobQueue fresh() {
        admin.flushDb();
        return producer.queue(QUEUE);
    }

    private Window open() {
        own.clear();
        return Window.open(admin, auditUrl);
    }

    private static void expect(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " jobs, found " + actual);
        }
    }

    private static long micros(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new IllegalStateException("a job lacks enqueued_at, started_at or ended_at");
        }
        return Duration.between(from, to).toNanos() / 1000;
    }

    private static double seconds(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e9;
    }
}
