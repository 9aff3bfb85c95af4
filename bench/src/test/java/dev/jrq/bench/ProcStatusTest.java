package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
    private static final String STATUS = String.join("\n", "Name:\tjava", "VmPeak:\t 4123456 kB",
            "VmHWM:\t  161800 kB", "VmRSS:\t  150012 kB", "Threads:\t42", "");

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
}
