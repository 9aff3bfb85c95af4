package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyFiguresTest {

    @Test
    void of_jobsMoments_splitsThePathInLegs() {
        LatencyFigures.JobMoments[] jobs = new LatencyFigures.JobMoments[100];
        for (int i = 0; i < jobs.length; i++) {
            // started 100 us after the enqueue, the handler 200 us later, done 10 us after that; job 99 is slow
            // on its way to the handler only
            long toHandler = i == 99 ? 5_000 : 200;
            jobs[i] = new LatencyFigures.JobMoments(100, 100 + toHandler, 110 + toHandler);
        }
        Phases.Warmed warmed = new Phases.Warmed(20_000, 40.2, true);

        LatencyFigures figures = LatencyFigures.of(500, 499.9, jobs, warmed, 12);

        assertThat(figures.jobs()).isEqualTo(100);
        assertThat(figures.doneP50()).isEqualTo(310);
        assertThat(figures.doneMax()).isEqualTo(5_110);
        assertThat(figures.pickupP50()).isEqualTo(300);
        assertThat(figures.toRedis()).isEqualTo(new LatencyFigures.Leg(100, 100));
        assertThat(figures.toHandler()).isEqualTo(new LatencyFigures.Leg(200, 200));
        assertThat(figures.handlerToDone()).isEqualTo(new LatencyFigures.Leg(10, 10));
        assertThat(figures.warmUp()).isEqualTo(warmed);
        assertThat(figures.jitMillis()).isEqualTo(12);
    }

    @Test
    void report_latencyLine_namesTheLegsAndTheWarmUp() {
        LatencyFigures.JobMoments[] jobs = {new LatencyFigures.JobMoments(-50, 400, 420)};

        String line = Report.latency(LatencyFigures.of(500, 500, jobs, new Phases.Warmed(45_000, 90.1, false), 250));

        assertThat(line).contains("enqueue->done p50 0.42 ms")
                .contains("to Redis (enqueued_at to started_at) -0.05/-0.05 ms")
                .contains("to the handler 0.45/0.45 ms")
                .contains("handler to done 0.02/0.02 ms")
                .contains("after 90 s at the rate unmeasured (JIT not settled), JIT busy 250 ms during the run");
    }

    @Test
    void report_jvmThatDoesNotTellItsCompilationTime_saysSo() {
        LatencyFigures.JobMoments[] jobs = {new LatencyFigures.JobMoments(100, 400, 420)};

        String line = Report.latency(LatencyFigures.of(500, 500, jobs, new Phases.Warmed(5_000, 90.0, false), -1));

        assertThat(line).endsWith("JIT busy for an unknown time during the run");
    }
}
