package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S,500ms", "30s,PT30S,30s", "90,PT1M30S,90s", "5m,PT5M,5m", "2h,PT2H,2h", "1d,PT24H,1d",
            "PT45S,PT45S,45s"})
    void parseAndFormat_eachForm_roundTrips(String text, String iso, String formatted) {
        Duration parsed = DurationText.parse(text);

        assertThat(parsed).isEqualTo(Duration.parse(iso));
        assertThat(DurationText.format(parsed)).isEqualTo(formatted);
    }

    @ParameterizedTest
    @CsvSource({"soon", "5 minutes", "-3s"})
    void parse_notADuration_refusedSayingWhatIsExpected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse(text))
                .withMessage("'" + text + "' is not a duration; expected a number with a unit (500ms, 30s, 5m, 2h, "
                        + "1d), seconds, or ISO-8601 (PT30S)");
    }
}
