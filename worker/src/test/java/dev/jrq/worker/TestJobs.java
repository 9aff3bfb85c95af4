package dev.jrq.worker;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Handlers the worker tests run; also listed in META-INF/services for WorkerMainIT. */
final class TestJobs {
    /** Latches for {@link Blocking}: the test opens {@code release} when the job may end. */
    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    private TestJobs() {
    }

    @JobName("tests.echo")
    public static final class Echo implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return Map.of("args", job.args(), "kwargs", job.kwargs(), "queue", job.queue());
        }
    }

    /** Notes its queue in {@link #RUN_ORDER} as it runs: the order a worker ran jobs in, as it happened. */
    @JobName("tests.note_queue")
    public static final class NoteQueue implements JobHandler {
        static final java.util.List<String> RUN_ORDER = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Object perform(JobContext job) {
            RUN_ORDER.add(job.queue());
            return null;
        }
    }

    @JobName("tests.boom")
    public static final class Boom implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            throw new IllegalStateException("boom: " + job.arg(0, String.class));
        }
    }

    @JobName("tests.unstorable")
    public static final class Unstorable implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return new Object(); // Jackson cannot write a plain Object
        }
    }

    /** Sleeps for arg 0 milliseconds, giving up when interrupted. */
    @JobName("tests.sleep")
    public static final class Sleep implements JobHandler {
        @Override
        public Object perform(JobContext job) throws InterruptedException {
            Thread.sleep(job.arg(0, Long.class));
            return "slept";
        }
    }

    /** Spins for arg 0 milliseconds, ignoring interrupts, as badly written code does; then counts down. */
    @JobName("tests.stubborn")
    public static final class Stubborn implements JobHandler {
        static volatile CountDownLatch returned = new CountDownLatch(1);

        @Override
        public Object perform(JobContext job) {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(job.arg(0, Long.class));
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            returned.countDown();
            return "finished late";
        }
    }

    /** Fails its first arg-0 attempts (counted per job id), then returns the attempt number. */
    @JobName("tests.flaky")
    public static final class Flaky implements JobHandler {
        static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> ATTEMPTS =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Object perform(JobContext job) {
            int attempt = ATTEMPTS.computeIfAbsent(job.jobId(), id -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            if (attempt <= job.arg(0, Integer.class)) {
                throw new IllegalStateException("attempt " + attempt + " fails");
            }
            return attempt;
        }
    }

    /** Saves meta {"progress": 0.5} while it runs, then returns what it saw in its meta. */
    @JobName("tests.progress")
    public static final class Progress implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            Map<String, Object> meta = new java.util.HashMap<>(job.meta());
            meta.put("progress", 0.5);
            job.saveMeta(meta);
            return job.meta();
        }
    }

    /** A callback: saves its arguments in the ended job's meta under "callback". */
    @JobName("tests.note_callback")
    public static final class NoteCallback implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            Map<String, Object> meta = new java.util.HashMap<>(job.meta());
            meta.put("callback", job.args());
            job.saveMeta(meta);
            return null;
        }
    }

    /** A callback that takes 30 s unless interrupted. */
    @JobName("tests.slow_callback")
    public static final class SlowCallback implements JobHandler {
        @Override
        public Object perform(JobContext job) throws InterruptedException {
            Thread.sleep(30_000);
            return null;
        }
    }

    /** Returns a string of arg 0 characters. */
    @JobName("tests.huge")
    public static final class Huge implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return "x".repeat(job.arg(0, Integer.class));
        }
    }

    @JobName("tests.blocking")
    public static final class Blocking implements JobHandler {
        @Override
        public Object perform(JobContext job) throws InterruptedException {
            started.countDown();
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the job");
            }
            return "released";
        }
    }
}
