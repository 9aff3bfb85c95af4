package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTriggerTest {

    @Test
    void cron_dailyInBerlinAcrossSpringForward_staysAtNineLocalTime() {
        ScheduleTrigger trigger = ScheduleTrigger.cron("0 9 * * *", "Europe/Berlin");

        Instant beforeChange = trigger.next(null, Instant.parse("2026-03-28T12:00:00Z"));
        Instant afterChange = trigger.next(beforeChange, beforeChange);

        assertThat(beforeChange).isEqualTo("2026-03-29T07:00:00Z");  // 09:00 CEST, the change was at 02:00 that night
        assertThat(trigger.next(null, Instant.parse("2026-03-27T12:00:00Z"))).isEqualTo("2026-03-28T08:00:00Z");
        assertThat(afterChange).isEqualTo("2026-03-30T07:00:00Z");
    }

    @Test
    void cron_hourlyInBerlinAcrossFallBack_firesEveryRealHourOnce() {
        ScheduleTrigger trigger = ScheduleTrigger.cron("0 * * * *", "Europe/Berlin");
        Instant tick = Instant.parse("2026-10-24T23:30:00Z"); // 01:30 CEST on the night of the change

        StringBuilder ticks = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            tick = trigger.next(tick, tick);
            ticks.append(tick).append(' ');
        }

        // 02:00 CEST, 02:00 CET (the repeated hour), 03:00 CET, 04:00 CET
        assertThat(ticks.toString().trim()).isEqualTo(
                "2026-10-25T00:00:00Z 2026-10-25T01:00:00Z 2026-10-25T02:00:00Z 2026-10-25T03:00:00Z");
    }

    @Test
    void cron_timeSkippedBySpringForward_firesAtTheJumpThatNight() {
        ScheduleTrigger trigger = ScheduleTrigger.cron("30 2 * * *", "Europe/Berlin");

        Instant night = trigger.next(null, Instant.parse("2026-03-28T12:00:00Z"));
        Instant following = trigger.next(night, night);

        assertThat(night).isEqualTo("2026-03-29T01:00:00Z"); // 03:00 CEST, the moment 02:00 CET became 03:00
        assertThat(following).isEqualTo("2026-03-30T00:30:00Z");
    }

    @Test
    void cron_sixFields_secondsFirst() {
        ScheduleTrigger trigger = ScheduleTrigger.cron("*/10 * * * * *", "UTC");

        assertThat(trigger.next(null, Instant.parse("2026-01-01T00:00:03.5Z"))).isEqualTo("2026-01-01T00:00:10Z");
    }

    @Test
    void cron_missedTicks_nextRunIsAfterNowNotEveryMissedOne() {
        ScheduleTrigger trigger = ScheduleTrigger.cron("* * * * *", "UTC");
        Instant previous = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(trigger.next(previous, Instant.parse("2026-01-01T05:17:30Z"))).isEqualTo("2026-01-01T05:18:00Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "61 * * * *|bad cron expression '61 * * * *': Failed to parse cron expression. Value 61 not in range [0, 59]",
            "* * *|bad cron expression '* * *': it has 3 fields; expected 5 fields",
            "every day|bad cron expression 'every day': it has 2 fields",
            "0 9 * * FUNDAY|bad cron expression '0 9 * * FUNDAY'"})
    void cron_badExpression_refusedSayingWhatIsExpected(String expression, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleTrigger.cron(expression, "UTC"))
                .withMessageContaining(message)
                .withMessageContaining("expected 5 fields (minute hour day-of-month month day-of-week");
    }

    @Test
    void cron_neverFires_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleTrigger.cron("0 0 30 2 *", "UTC"))
                .withMessage("cron expression '0 0 30 2 *' never fires");
    }

    @Test
    void cron_unknownTimeZone_refusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleTrigger.cron("0 9 * * *", "Europe/Atlantis"))
                .withMessage("unknown time zone 'Europe/Atlantis'; expected an IANA zone name such as Europe/Berlin, "
                        + "America/New_York or UTC");
    }

    @Test
    void every_keepsItsPhaseAfterADowntime() {
        ScheduleTrigger trigger = ScheduleTrigger.every(Duration.ofSeconds(30));
        Instant previous = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(trigger.next(null, Instant.parse("2026-01-01T00:00:00.700Z"))).isEqualTo("2026-01-01T00:00:30Z");
        assertThat(trigger.next(previous, previous)).isEqualTo("2026-01-01T00:00:30Z");
        assertThat(trigger.next(previous, Instant.parse("2026-01-01T00:02:05Z"))).isEqualTo("2026-01-01T00:02:30Z");
    }

    @Test
    void every_underOneSecond_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScheduleTrigger.every(Duration.ofMillis(500)))
                .withMessage("interval must be whole seconds and at least 1s; was 500ms");
    }
}
