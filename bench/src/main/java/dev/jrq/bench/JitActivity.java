package dev.jrq.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * How much this JVM's JIT compilers have worked: the compilation time they report, summed over their threads, and
 * when they last threw compiled code away ({@link Deoptimizations}). The fixed-rate run warms up until both stay
 * quiet ({@link Phases#latency}): a C2 compiler thread busy on one of the machine's two cores delays the threads a
 * job wakes on the other (docs/performance.md, eleventh round), and on one core it delays them all.
 */
final class JitActivity {
    /**
     * The JIT has settled when it compiled less than this in a warm-up round ({@link BenchMain}) or in the
     * fixed-rate warm-up's last seconds ({@link Phases}).
     */
    static final long SETTLED_MILLIS = 100;

    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    private JitActivity() {
    }

    /** Milliseconds spent compiling since the JVM started; -1 when the JVM does not tell. */
    static long millisSoFar() {
        if (COMPILER == null || !COMPILER.isCompilationTimeMonitoringSupported()) {
            return -1;
        }
        return COMPILER.getTotalCompilationTime();
    }

    /**
     * A watch on the deoptimizations that throw a method's compiled code away (JFR's {@code jdk.Deoptimization}
     * events whose action is not {@code none} or {@code maybe_recompile}): a path the profile never saw, taken for
     * the first time. The method then runs interpreted and is compiled again seconds later (10 s after for
     * JobRunner.run at 500 jobs/s, 100-300 ms of C2 each for Redisson's decoder or Netty's read loop;
     * docs/performance.md, fifteenth round), so a JIT quiet for the last seconds may still have such work coming.
     */
    static final class Deoptimizations implements AutoCloseable {
        private static final String EVENT = "jdk.Deoptimization";
        /** Actions that leave the compiled code in place. */
        private static final Set<String> KEEPING_CODE = Set.of("none", "maybe_recompile");

        private final RecordingStream stream;
        private final AtomicReference<Instant> last;

        private Deoptimizations(RecordingStream stream, Instant since) {
            this.stream = stream;
            this.last = new AtomicReference<>(since);
        }

        /**
         * Starts watching (JFR's recording starts in the background and hands events over about once a second); a
         * JVM without JFR gives a watch that sees nothing ({@link #watching()} false).
         */
        static Deoptimizations watch() {
            RecordingStream stream;
            try {
                stream = new RecordingStream();
            } catch (RuntimeException | Error e) {
                return new Deoptimizations(null, Instant.now());
            }
            Deoptimizations watch = new Deoptimizations(stream, Instant.now());
            stream.enable(EVENT).withoutStackTrace();
            stream.onEvent(EVENT, watch::seen);
            stream.startAsync();
            return watch;
        }

        private void seen(RecordedEvent event) {
            if (!KEEPING_CODE.contains(event.getString("action"))) {
                last.accumulateAndGet(event.getStartTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }

        /**
         * Starts and stops a JFR recording once, so that a later {@link #watch()} throws no compiled code away.
         * why: JFR's first start in a JVM made 1,089 compiled methods not entrant at once (the bench's whole hot
         * code; docs/performance.md, fifteenth round); the bench primes it before its warm-up. A JVM without JFR
         * is left as it is.
         */
        static void prime() {
            try (Recording recording = new Recording()) {
                recording.enable(EVENT).withoutStackTrace();
                recording.start();
                recording.stop();
            } catch (RuntimeException | Error e) {
                // why: no JFR, nothing to prime; watch() then sees nothing either
            }
        }

        /** Whether deoptimizations are seen at all (JFR runs in this JVM). */
        boolean watching() {
            return stream != null;
        }

        /** Seconds since the last deoptimization that threw code away, or since the watch began when none did. */
        double quietSeconds() {
            return Duration.between(last.get(), Instant.now()).toMillis() / 1000.0;
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
