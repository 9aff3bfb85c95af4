package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {
    @Test
    void jobSeconds_readsRqFormsAndMinusOneAsForever() {
        assertThat(TimeArguments.jobSeconds("90", "--timeout")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeArguments.jobSeconds("5m", "--timeout")).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeArguments.jobSeconds("2d", "--ttl")).isEqualTo(Duration.ofDays(2));
        assertThat(TimeArguments.jobSeconds("-1", "--result-ttl")).isEqualTo(JobOptions.FOREVER);
        assertThat(TimeArguments.jobSeconds(null, "--ttl")).isNull();
    }

    @Test
    void badDurations_nameTheOption() {
        assertThatThrownBy(() -> TimeArguments.jobSeconds("soon", "--timeout"))
                .hasMessageStartingWith("--timeout: 'soon' is not a duration; expected");
        assertThatThrownBy(() -> TimeArguments.jobSeconds("1500ms", "--ttl"))
                .hasMessage("--ttl: '1500ms' is not whole seconds, which RQ stores");
    }

    @Test
    void instant_readsIsoWithOrWithoutOffset_withoutMeaningUtc() {
        assertThat(TimeArguments.instant("2031-05-27T21:45:00", "--schedule-at"))
                .isEqualTo(Instant.parse("2031-05-27T21:45:00Z"));
        assertThat(TimeArguments.instant("2031-05-27T21:45:00+02:00", "--schedule-at"))
                .isEqualTo(Instant.parse("2031-05-27T19:45:00Z"));
        assertThatThrownBy(() -> TimeArguments.instant("tomorrow", "--schedule-at"))
                .hasMessageStartingWith("--schedule-at: 'tomorrow' is not an ISO-8601 time");
    }
}
