package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastParsedTest {
    private final List<String> parsed = new ArrayList<>();
    private final LastParsed<StringBuilder> lastParsed = new LastParsed<>(text -> {
        parsed.add(text);
        return text == null ? null : new StringBuilder(text);
    });

    @Test
    void parse_sameTextAgain_givesTheSameValueWithoutParsing() {
        StringBuilder first = lastParsed.parse("180");
        StringBuilder again = lastParsed.parse(new String("180"));

        assertThat(again).isSameAs(first).hasToString("180");
        assertThat(parsed).containsExactly("180");
    }

    @Test
    void parse_anotherText_parsesItAndRemembersItInstead() {
        lastParsed.parse("180");
        assertThat(lastParsed.parse("60")).hasToString("60");
        assertThat(lastParsed.parse("180")).hasToString("180");

        assertThat(parsed).containsExactly("180", "60", "180");
    }

    @Test
    void parse_null_parsedEachTimeAndForgetsNothing() {
        StringBuilder remembered = lastParsed.parse("180");

        assertThat(lastParsed.parse(null)).isNull();
        assertThat(lastParsed.parse(null)).isNull();
        assertThat(lastParsed.parse("180")).isSameAs(remembered);
        assertThat(parsed).containsExactly("180", null, null);
    }
}
