package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RqTimeTest {

    @Test
    void epochMicros_instant_dropsNanosBelowAMicrosecondAndReadsBack() {
        Instant instant = Instant.parse("2026-11-28T07:51:34.785297999Z");

        assertThat(RqTime.epochMicros(instant)).isEqualTo(1_795_852_294_785_297L);
        assertThat(RqTime.ofEpochMicros(1_795_852_294_785_297L)).isEqualTo(Instant.parse("2026-11-28T07:51:34.785297Z"));
    }

    @Test
    void ofEpochMicros_beforeTheEpoch_keepsTheFractionPositive() {
        assertThat(RqTime.ofEpochMicros(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void format_instantWithMicros_writesRqFormatExactly() {
        assertThat(RqTime.format(Instant.parse("2026-11-28T07:51:34.785297Z"))).isEqualTo("2026-11-28T07:51:34.785297Z");
    }

    @Test
    void format_wholeSecond_keepsSixFractionDigits() {
        assertThat(RqTime.format(Instant.parse("2026-11-28T07:51:35Z"))).isEqualTo("2026-11-28T07:51:35.000000Z");
    }

    @Test
    void format_nanoseconds_cutToMicrosecondsNeverAnOffset() {
        assertThat(RqTime.format(Instant.parse("2026-01-02T03:04:05.123456789Z"))).isEqualTo("2026-01-02T03:04:05.123456Z");
    }

    @Test
    void format_manyInstants_sameTextAsDateTimeFormatter() {
        java.time.format.DateTimeFormatter rq = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            assertThat(RqTime.format(instant)).isEqualTo(rq.format(instant));
            if (instant.getEpochSecond() > -62_000_000_000L / 2) {
                Instant micros = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                assertThat(RqTime.parse(rq.format(instant))).isEqualTo(micros);
            }
        }
    }

    @Test
    void parse_microsecondFormat_readsTheInstant() {
        assertThat(RqTime.parse("2026-11-28T07:51:34.785297Z")).isEqualTo(Instant.parse("2026-11-28T07:51:34.785297Z"));
    }

    @Test
    void parse_secondsFormat_readsTheInstant() {
        assertThat(RqTime.parse("2026-11-28T07:51:34Z")).isEqualTo(Instant.parse("2026-11-28T07:51:34Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-28T07:51:34+00:00", "2026-11-28 07:51:34.785297"})
    void parse_emptyOrOtherFormat_isNull(String text) {
        assertThat(RqTime.parse(text)).isNull();
    }

    @Test
    void parse_null_isNull() {
        assertThat(RqTime.parse(null)).isNull();
    }

    @Test
    void epochSeconds_fraction_isDroppedAsCalendarTimegm() {
        assertThat(RqTime.epochSeconds(Instant.parse("2026-11-28T07:51:35.999Z"))).isEqualTo(1_795_852_295L);
    }

    @Test
    void epochMillisText_instant_isSecondsWithThreeDecimals() {
        assertThat(RqTime.epochMillisText(Instant.parse("2026-11-28T07:51:35.078999Z"))).isEqualTo("1795852295.078");
        assertThat(RqTime.epochMillisText(Instant.parse("2026-11-28T07:51:35Z"))).isEqualTo("1795852295.000");
    }
}
