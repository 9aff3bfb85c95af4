package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerJvmsTest {

    @Test
    void fromLine_theChildsLine_itsFigures() {
        ChildFigures figures = new ChildFigures(10_000, 1_700_000_000_000_000L, 1_700_000_002_000_000L, 2_500_000,
                3, 17, 220_000_000, 161_800, null);

        assertThat(ChildFigures.fromLine(figures.toLine())).contains(figures);
        assertThat(figures.toLine()).startsWith(ChildFigures.PREFIX + "{\"jobs\":10000,");
    }

    @Test
    void fromLine_otherOutputOrBrokenJson_emptyOrRefused() {
        assertThat(ChildFigures.fromLine(WorkerProcess.READY)).isEmpty();
        assertThat(ChildFigures.fromLine(null)).isEmpty();
        assertThatThrownBy(() -> ChildFigures.fromLine(ChildFigures.PREFIX + "{\"jobs\":"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not its JSON");
    }

    @Test
    void command_workerJvm_sameJavaAndClassPathWithItsOptionsBeforeTheMainClass() {
        List<String> command = WorkerJvms.command(List.of("-Xmx128m"), "redis://127.0.0.1:6379", "bench", 32,
                "bench-jvm1", 0);

        assertThat(command.get(0)).isEqualTo(ProcessHandle.current().info().command().orElse("java"));
        assertThat(command.subList(1, 5)).containsExactly("-Xmx128m", "-cp", System.getProperty("java.class.path"),
                WorkerProcess.class.getName());
        assertThat(String.join(" ", command)).endsWith("--url redis://127.0.0.1:6379 --queue bench --concurrency 32 "
                + "--name bench-jvm1 --warmup 0");
    }

    @Test
    void scalingOf_twoJvms_spanFromFirstJobToLastAndSums() {
        ChildFigures early = new ChildFigures(600, 1_000_000, 2_000_000, 300_000, 2, 10, 6_000_000, 200_000, null);
        ChildFigures late = new ChildFigures(400, 1_500_000, 3_000_000, 200_000, 1, 5, 4_000_000, 250_000, null);
        ServerStats redis = new ServerStats(20_000, 500_000, Map.of());

        ScalingFigures row = ScalingFigures.of(8, 1000, List.of(early, late), redis, 2);

        assertThat(row.jvms()).isEqualTo(2);
        assertThat(row.seconds()).isEqualTo(2.0);
        assertThat(row.jobsPerSecond()).isEqualTo(500);
        assertThat(row.redisCpuMicrosPerJob()).isEqualTo(500);
        assertThat(row.redisCpuShare()).isEqualTo(0.25);
        assertThat(row.workerCpuMicrosPerJob()).isEqualTo(500);
        assertThat(row.hostCpuShare()).isEqualTo(0.25);
        assertThat(row.allocatedBytesPerJob()).isEqualTo(10_000);
        assertThat(row.peakRssKilobytes()).isEqualTo(250_000);
        assertThat(row.redisBoundJobsPerSecond()).isEqualTo(2000);
    }

    @Test
    void scalingTable_rowsAndLimit_redisSaturatedIsSaid() {
        ScalingFigures relaxed = new ScalingFigures(1, 8, 1000, 1.0, 20_000, 300_000, 500_000, 8_000_000, 200_000,
                2, 2);
        ScalingFigures saturated = new ScalingFigures(2, 8, 1000, 0.5, 20_000, 480_000, 400_000, -1, 210_000, 3, 4);

        String table = JvmReport.scalingTable(List.of(relaxed, saturated));

        assertThat(table).contains("1 x c8      |    1000 |    1.00 |     1000 |          20.00 |            300.0 "
                + "|         30% |             500.0 |        40% |           8000 B |       195 MB |    2");
        assertThat(table).contains("2 x c8").contains("NaN B");
        assertThat(JvmReport.scalingLimit(List.of(relaxed, saturated))).contains("2 worker JVM(s), 2000 jobs/s")
                .contains("Redis is the limit").contains("busy 96%").contains("~2083 jobs/s");
        assertThat(JvmReport.scalingLimit(List.of(relaxed))).contains("Neither Redis nor the cores are saturated");
    }

    @Test
    void memoryTable_outOfMemoryExit_saidNotClean() {
        GcLog gc = new GcLog("G1", 10, 2, 120.0, 40.0, 500L << 20);
        MemoryFigures memory = new MemoryFigures(1000, 400, 32, "128m", 2.0, 3, null, gc, 1 << 20, 2 << 20,
                5 << 20, 100_000, 0);

        String table = JvmReport.memoryTable(memory);

        assertThat(memory.clean()).isFalse();
        assertThat(table).contains("jobs finished     | 400 of 1000")
                .contains("NOT clean: exit code 3 (OutOfMemoryError)")
                .contains("10 (2 full), 120 ms in all (6.00% of the drain), longest 40.0 ms")
                .contains("1049 B/job").contains("maxmemory none");
    }
}
