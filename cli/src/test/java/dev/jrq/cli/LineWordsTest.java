package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineWordsTest {
    @Test
    void blanks_separateWords() {
        assertThat(LineWords.split("  mail.send  ada :7\t k=v ")).containsExactly("mail.send", "ada", ":7", "k=v");
    }

    @Test
    void quotes_keepBlanksAndJson() {
        assertThat(LineWords.split("job ':{\"a\": 1}' \"b c\" 'it''s'"))
                .containsExactly("job", ":{\"a\": 1}", "b c", "its");
        assertThat(LineWords.split("job \"say \\\"hi\\\"\" a\\ b")).containsExactly("job", "say \"hi\"", "a b");
    }

    @Test
    void unclosedQuote_isRefused() {
        assertThatThrownBy(() -> LineWords.split("job 'open")).hasMessage("unclosed ' quote");
    }
}
