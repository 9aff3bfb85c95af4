package dev.jrq.bench;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's job, {@code bench.noop(x)}: returns its argument and does nothing else, like the peers' echo
 * job. It tallies its calls so a phase knows, without asking Redis, when the first started and the last ended.
 */
final class BenchJob implements JobHandler {
    static final String NAME = "bench.noop";

    private volatile Tally tally = new Tally(Integer.MAX_VALUE);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object perform(JobContext job) {
        tally.add(job.jobId());
        return job.args().isEmpty() ? null : job.args().get(0);
    }

    /** Starts counting afresh; the returned tally is complete after {@code expected} calls. */
    Tally expect(int expected) {
        return expect(expected, false);
    }

    /**
     * Starts counting afresh, and with {@code noteStarts} notes when each job's handler began (wall clock), for the
     * pickup latency; why not always: the notes' allocation would count in the drain phases' figures.
     */
    Tally expect(int expected, boolean noteStarts) {
        Tally fresh = new Tally(expected, noteStarts ? new ConcurrentHashMap<>() : null);
        tally = fresh;
        return fresh;
    }

    /** Calls counted since {@link #expect(int)}, with the times of the first and the last. */
    static final class Tally {
        private final int expected;
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicLong firstNanos = new AtomicLong();
        private final CountDownLatch complete = new CountDownLatch(1);
        private final Map<String, Instant> handlerStarts;
        private volatile long lastNanos;

        Tally(int expected) {
            this(expected, null);
        }

        private Tally(int expected, Map<String, Instant> handlerStarts) {
            this.expected = expected;
            this.handlerStarts = handlerStarts;
        }

        void add(String jobId) {
            if (handlerStarts != null) {
                handlerStarts.put(jobId, Instant.now());
            }
            long now = System.nanoTime();
            firstNanos.compareAndSet(0, now);
            if (calls.incrementAndGet() == expected) {
                lastNanos = now;
                complete.countDown();
            }
        }

        /**
         * Waits until the expected number of calls has been made.
         *
         * @throws IllegalStateException when they have not after {@code timeout}, saying how many were made
         */
        void await(Duration timeout) throws InterruptedException {
            if (!complete.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("only " + calls.get() + " of " + expected + " jobs ran within "
                        + timeout.toSeconds() + " s");
            }
        }

        /** {@link System#nanoTime()} when the first call began. */
        long firstNanos() {
            return firstNanos.get();
        }

        long lastNanos() {
            return lastNanos;
        }

        /** When the handler of a job began, when noted ({@link #expect(int, boolean)}), else {@code null}. */
        Instant handlerStart(String jobId) {
            return handlerStarts == null ? null : handlerStarts.get(jobId);
        }
    }
}
