package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitActivityTest {
    private static volatile long sink;

    @Test
    void deoptimizations_aCompiledBranchTakenForTheFirstTime_quietSecondsStartOver() throws Exception {
        try (JitActivity.Deoptimizations watch = JitActivity.Deoptimizations.watch()) {
            assertThat(watch.watching()).as("JFR runs in the test JVM").isTrue();
            // why 2 s of calls: C2 compiles the method, its rare branch never taken, well before that
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                for (int i = 0; i < 10_000; i++) {
                    sink += rareBranch(i, false);
                }
            }
            Thread.sleep(1500);
            double quietBefore = watch.quietSeconds();
            assertThat(quietBefore).as("a watch is quiet as long as it began, until code is thrown away")
                    .isGreaterThan(1.0);

            sink += rareBranch(1, true); // the compiled code has no such path: it is thrown away

            double quiet = quietBefore;
            for (int i = 0; i < 100 && quiet >= 1.0; i++) {
                Thread.sleep(50); // why: JFR hands events to the stream about once a second
                quiet = watch.quietSeconds();
            }
            assertThat(quiet).as("seconds since the last deoptimization").isLessThan(1.0);
        }
    }

    @Test
    void millisSoFar_thisJvm_compilationTimeThatDoesNotGoBack() {
        long first = JitActivity.millisSoFar();
        long second = JitActivity.millisSoFar();
        assertThat(first).isGreaterThanOrEqualTo(0);
        assertThat(second).isGreaterThanOrEqualTo(first);
    }

    private static long rareBranch(int i, boolean rare) {
        if (rare) {
            return String.valueOf(i).hashCode() * 31L + i;
        }
        return i & 7;
    }
}
