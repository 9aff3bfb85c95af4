package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
    private static final String STATUS = String.join("\n", "Name:\tjava", "VmPeak:\t 4123456 kB",
            "VmHWM:\t  161800 kB", "VmRSS:\t  150012 kB", "Threads:\t42", "Cpus_allowed:\t3",
            "Cpus_allowed_list:\t0-1", "");

    @Test
    void kilobytes_statusLines_theFieldsValue() {
        assertThat(ProcStatus.kilobytes(STATUS, "VmHWM")).isEqualTo(161_800);
        assertThat(ProcStatus.kilobytes(STATUS, "VmRSS")).isEqualTo(150_012);
    }

    @Test
    void kilobytes_fieldMissing_minusOne() {
        assertThat(ProcStatus.kilobytes(STATUS, "VmSwap")).isEqualTo(-1);
        assertThat(ProcStatus.kilobytes("", "VmHWM")).isEqualTo(-1);
    }

    @Test
    void cpusAllowed_statusLines_theList() {
        assertThat(ProcStatus.cpusAllowed(STATUS)).isEqualTo("0-1");
        assertThat(ProcStatus.cpusAllowed("Name:\tjava\n")).isEqualTo("?");
    }

    @Test
    void cpusAllowed_aProcessStartedUnderTaskset_theCpuItWasPinnedTo() throws Exception {
        Process pinned = new ProcessBuilder("taskset", "-c", "0", "sleep", "30").start();
        try {
            String status = "";
            for (int i = 0; i < 100 && !status.contains("Name:\tsleep"); i++) {
                Thread.sleep(20); // why: taskset execs sleep after setting the CPUs; read once it has
                status = ProcStatus.ofProcess(pinned.pid());
            }
            assertThat(status).contains("Name:\tsleep");
            assertThat(ProcStatus.cpusAllowed(status)).isEqualTo("0");
            assertThat(ProcStatus.cpusOnline()).matches("0(-[0-9]+)?(,[0-9-]+)*");
        } finally {
            pinned.destroyForcibly().waitFor();
        }
    }

    @Test
    void ofProcess_noSuchProcess_emptyText() {
        assertThat(ProcStatus.ofProcess(Long.MAX_VALUE)).isEmpty();
    }
}
