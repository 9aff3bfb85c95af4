package dev.jrq.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How much this JVM's JIT compilers have worked: the compilation time they report, summed over their threads.
 * The fixed-rate run warms up until it stays low ({@link Phases#latency}): a C2 compiler thread busy on one of the
 * machine's two cores delays the threads a job wakes on the other (docs/performance.md, eleventh round).
 */
final class JitActivity {
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
}
