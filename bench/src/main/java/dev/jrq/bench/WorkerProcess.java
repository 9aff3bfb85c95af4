package dev.jrq.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.jrq.api.JobContext;
import dev.jrq.api.JobRequest;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.worker.Worker;
import dev.jrq.worker.WorkerOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One worker JVM of the benchmark's scaling and memory phases, started by {@link WorkerJvms} from the bench jar's
 * own class path: the real {@link Worker} in burst mode on one queue, as {@code jrq-worker --burst} wires it (a
 * client for the slots, one for the heartbeat and reaper). It warms up on a private queue, prints {@link #READY},
 * waits for a line on its standard input, drains the queue, and prints its {@link ChildFigures}.
 */
@Command(name = "jrq-bench-worker", description = "A worker JVM of jrq-bench (started by it, not by hand).")
final class WorkerProcess implements Callable<Integer> {
    /** The line a worker JVM prints when it is warm and waits for the go line. */
    static final String READY = "jrq-bench-worker-ready";
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Option(names = "--url", required = true)
    String url;

    @Option(names = "--queue", required = true)
    String queue;

    @Option(names = "--concurrency", required = true)
    int concurrency;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--warmup", description = "Jobs drained on a private queue before the ready line.")
    int warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerProcess()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RedisConfig config = RedisConfig.fromUrl(url).withMinimumPoolSize(concurrency + 16);
        try (JrqClient client = JrqClient.connect(config); JrqClient timers = JrqClient.connect(config)) {
            warmUp(client, timers);
            System.out.println(READY);
            System.out.flush();
            if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
                return 1;
            }
            ChildFigures figures = drain(client, timers);
            System.out.println(figures.toLine());
            System.out.flush();
            return figures.slotFailure() == null ? 0 : 2;
        }
    }

    /** Runs {@code warmup} jobs on a queue of its own so that the JIT has compiled the hot path. */
    private void warmUp(JrqClient client, JrqClient timers) throws InterruptedException {
        if (warmup <= 0) {
            return;
        }
        String warmQueue = queue + "-warm-" + ProcessHandle.current().pid();
        JobQueue warm = client.queue(warmQueue);
        for (int from = 0; from < warmup; from += 1000) {
            List<JobRequest> requests = new ArrayList<>();
            for (int i = from; i < Math.min(warmup, from + 1000); i++) {
                requests.add(JobRequest.of(BenchJob.NAME, i));
            }
            warm.enqueueMany(requests);
        }
        Worker worker = worker(client, timers, name + "-warm", warmQueue, new CountedJob(ThreadAllocation.start()));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
    }

    private ChildFigures drain(JrqClient client, JrqClient timers) throws InterruptedException {
        long cpuBefore = OS.getProcessCpuTime();
        long[] gcBefore = collections();
        ThreadAllocation allocation = ThreadAllocation.start();
        CountedJob job = new CountedJob(allocation);
        Worker worker = worker(client, timers, name, queue, job);
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);
        long[] gcAfter = collections();
        Throwable failure = worker.slotFailure();
        return new ChildFigures(job.calls.get(), job.epochMicros(job.firstNanos.get()),
                job.epochMicros(job.lastNanos.get()), (OS.getProcessCpuTime() - cpuBefore) / 1000,
                gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], allocation.total(),
                ProcStatus.kilobytes(ProcStatus.ofThisProcess(), "VmHWM"), failure == null ? null : failure.toString());
    }

    private Worker worker(JrqClient client, JrqClient timers, String workerName, String queueName, CountedJob job) {
        WorkerOptions options = new WorkerOptions(workerName, List.of(queueName), concurrency, true, null);
        return new Worker(client, timers, JobHandlers.of(List.of(job)), options, new SimpleMeterRegistry());
    }

    /** Collections and their milliseconds so far, all collectors together. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * {@link BenchJob} that also counts its calls, keeps the times of the first and the last, and notes its slot
     * thread's allocation after each.
     */
    private static final class CountedJob implements JobHandler {
        private final BenchJob job = new BenchJob();
        private final ThreadAllocation allocation;
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong firstNanos = new AtomicLong();
        private final AtomicLong lastNanos = new AtomicLong();
        private final long originNanos = System.nanoTime();
        private final Instant origin = Instant.now();

        private CountedJob(ThreadAllocation allocation) {
            this.allocation = allocation;
        }

        @Override
        public String name() {
            return BenchJob.NAME;
        }

        @Override
        public Object perform(JobContext context) {
            firstNanos.compareAndSet(0, System.nanoTime());
            Object result = job.perform(context);
            calls.incrementAndGet();
            lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
            allocation.noteCurrentThread();
            return result;
        }

        /** A {@link System#nanoTime()} of this JVM as µs since the epoch, comparable between JVMs; 0 stays 0. */
        private long epochMicros(long nanos) {
            if (nanos == 0) {
                return 0;
            }
            return origin.getEpochSecond() * 1_000_000 + origin.getNano() / 1000 + (nanos - originNanos) / 1000;
        }
    }
}
