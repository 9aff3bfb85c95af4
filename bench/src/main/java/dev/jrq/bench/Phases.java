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
     * Before that, unmeasured, the same rate for {@code warmSeconds}: the paths of a worker that waits for each job
     * are not those of the drain, and the JIT compiles them in the first seconds.
     */
    Measured latency(double rate, double seconds, double warmSeconds, int concurrency) throws InterruptedException {
        JobQueue queue = fresh();
        int n = (int) Math.max(1, Math.round(rate * seconds));
        Worker worker = worker(concurrency);
        List<Job> jobs;
        double achieved;
        Window.Closed closed;
        BenchJob.Tally tally;
        worker.start();
        try {
            warmUp(queue);
            int warm = (int) Math.round(rate * warmSeconds);
            if (warm > 0) {
                BenchJob.Tally paced = job.expect(warm);
                produce(queue, warm, rate, System.nanoTime());
                paced.await(Duration.ofSeconds(60 + warm / 100));
                awaitFinished(queue, WARM_UP_JOBS + warm);
            }
            tally = job.expect(n, true);
            Window window = open();
            long start = System.nanoTime();
            jobs = produce(queue, n, rate, start);
            achieved = n / seconds(start, System.nanoTime());
            tally.await(Duration.ofSeconds(60 + n / 100));
            long end = awaitFinished(queue, WARM_UP_JOBS + warm + n);
            closed = window.close(String.format(java.util.Locale.ROOT, "latency %.0f/s c%d", rate, concurrency), n,
                    seconds(start, end), own);
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        return new Measured(closed, latencies(jobs, tally, rate, achieved));
    }

    /** A phase's figures and, for the fixed-rate run, its latencies. */
    record Measured(Window.Closed window, LatencyFigures latency) {
    }

    private List<Job> produce(JobQueue queue, int n, double rate, long start) {
        List<Job> jobs = new ArrayList<>(n);
        double interval = 1e9 / rate;
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            jobs.add(queue.enqueue(BenchJob.NAME, i));
        }
        return jobs;
    }

    private LatencyFigures latencies(List<Job> jobs, BenchJob.Tally tally, double rate, double achieved) {
        long[] done = new long[jobs.size()];
        long[] pickup = new long[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            JobRecord record = jobs.get(i).fetch();
            done[i] = micros(record.enqueuedAt(), record.endedAt());
            pickup[i] = micros(record.enqueuedAt(), tally.handlerStart(record.id()));
        }
        return LatencyFigures.of(rate, achieved, done, pickup);
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
