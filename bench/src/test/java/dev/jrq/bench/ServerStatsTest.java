package dev.jrq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerStatsTest {
    private static final String BEFORE = String.join("\r\n",
            "# Stats", "total_connections_received:3", "total_commands_processed:100",
            "# CPU", "used_cpu_sys:1.500000", "used_cpu_user:2.250000", "used_cpu_sys_children:9.000000",
            "# Commandstats",
            "cmdstat_evalsha:calls=10,usec=500,usec_per_call=50.00,rejected_calls=0,failed_calls=0",
            "cmdstat_info:calls=4,usec=100,usec_per_call=25.00,rejected_calls=0,failed_calls=0", "");
    private static final String AFTER = String.join("\r\n",
            "# Stats", "total_commands_processed:1105",
            "# CPU", "used_cpu_sys:1.600000", "used_cpu_user:2.400000", "used_cpu_sys_children:9.000000",
            "# Commandstats",
            "cmdstat_evalsha:calls=210,usec=9500,usec_per_call=45.00,rejected_calls=0,failed_calls=0",
            "cmdstat_hset:calls=800,usec=800,usec_per_call=1.00,rejected_calls=0,failed_calls=0",
            "cmdstat_zcard:calls=3,usec=3,usec_per_call=1.00,rejected_calls=0,failed_calls=0",
            "cmdstat_info:calls=6,usec=150,usec_per_call=25.00,rejected_calls=0,failed_calls=0", "");

    @Test
    void parse_infoText_countersAndCpuOfTheServerItself() {
        ServerStats stats = ServerStats.parse(BEFORE);

        assertThat(stats.commands()).isEqualTo(100);
        assertThat(stats.cpuMicros()).isEqualTo(3_750_000);
        assertThat(stats.calls()).containsEntry("evalsha", 10L).containsEntry("info", 4L);
    }

    @Test
    void minusWithoutOwn_twoSnapshots_onlyWhatOthersSentBetween() {
        ServerStats delta = ServerStats.parse(AFTER).minus(ServerStats.parse(BEFORE))
                .withoutOwn(Map.of("zcard", 3L));

        assertThat(delta.calls()).isEqualTo(Map.of("evalsha", 200L, "hset", 800L));
        assertThat(delta.commands()).isEqualTo(1000);
        assertThat(delta.cpuMicros()).isEqualTo(250_000);
    }

    @Test
    void perJob_figures_dividedByJobs() {
        PhaseFigures phase = new PhaseFigures("drain c8", 200, 0.5, 1000, 250_000, 100_000, Map.of("evalsha", 400L));

        assertThat(phase.jobsPerSecond()).isEqualTo(400);
        assertThat(phase.redisCommandsPerJob()).isEqualTo(5);
        assertThat(phase.redisCpuMicrosPerJob()).isEqualTo(1250);
        assertThat(phase.jvmCpuMicrosPerJob()).isEqualTo(500);
        assertThat(phase.commandsPerJob()).containsEntry("evalsha", 2.0);
    }
}
