package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RQ's {@code parse_function_args}, form by form, and what it refuses. */
class FunctionArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void plainText_isAPositionalString() {
        assertThat(parse("ada", "7").args()).containsExactly("ada", "7");
    }

    @Test
    void keyEqualsText_isAKeywordString() {
        assertThat(parse("name=ada", "empty=", "eq=a=b").kwargs())
                .containsExactly(Map.entry("name", "ada"), Map.entry("empty", ""), Map.entry("eq", "a=b"));
    }

    @Test
    void colonJson_isAPositionalJsonValue() {
        assertThat(parse(":7", ":1.5", ":true", ":null", ":\"x\"", ":[1, \"a\"]", ":{\"a\": {\"b\": 2}}").args())
                .containsExactly(7, 1.5, true, null, "x", List.of(1, "a"), Map.of("a", Map.of("b", 2)));
    }

    @Test
    void keyColonEqualsJson_isAKeywordJsonValue() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("n", 3);
        expected.put("tags", List.of("a", "b"));
        expected.put("none", null);
        assertThat(parse("n:=3", "tags:=[\"a\", \"b\"]", "none:=null").kwargs()).isEqualTo(expected);
    }

    @Test
    void onlyTheFirstColonCounts_asInRq() {
        assertThat(parse("a:b=c").kwargs()).containsExactly(Map.entry("a:b", "c"));
        assertThat(parse("url=http://x:1").kwargs()).containsExactly(Map.entry("url", "http://x:1"));
    }

    @Test
    void leadingEquals_isPlainText() {
        assertThat(parse("=x").args()).containsExactly("=x");
    }

    @Test
    void argsAndKwargs_mixInOrder() {
        FunctionArguments parsed = parse("a", "k=v", ":2");
        assertThat(parsed.args()).containsExactly("a", 2);
        assertThat(parsed.kwargs()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void atFile_readsTheValueFromTheFile_inEveryForm() throws Exception {
        Path text = Files.writeString(dir.resolve("text.txt"), "hello\nworld");
        Path json = Files.writeString(dir.resolve("v.json"), "{\"a\": [1, 2]}");
        FunctionArguments parsed = parse("@" + text, "k=@" + text, ":@" + json, "j:=@" + json);
        assertThat(parsed.args()).containsExactly("hello\nworld", Map.of("a", List.of(1, 2)));
        assertThat(parsed.kwargs()).containsExactly(Map.entry("k", "hello\nworld"),
                Map.entry("j", Map.of("a", List.of(1, 2))));
    }

    @Test
    void missingFile_isRefusedNamingIt() {
        assertThatThrownBy(() -> parse("k=@/no/such/file"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("argument file '/no/such/file' not found");
    }

    @Test
    void malformedJson_isRefusedWithTheOffendingText() {
        assertThatThrownBy(() -> parse("a", ":{bad"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot parse 2. positional argument as JSON: ':{bad' (");
        assertThatThrownBy(() -> parse("n:=[1,"))
                .hasMessageStartingWith("cannot parse keyword argument 'n' as JSON: 'n:=[1,' (");
        assertThatThrownBy(() -> parse(":1 2"))
                .hasMessageStartingWith("cannot parse 1. positional argument as JSON: ':1 2' (");
    }

    @Test
    void keywordTwice_isRefused() {
        assertThatThrownBy(() -> parse("k=1", "k:=2")).hasMessage("keyword argument 'k' is given twice");
    }

    @Test
    void pythonLiterals_areRefusedPointingAtJson() {
        assertThatThrownBy(() -> parse("%(1, 2)")).hasMessageContaining("Python literals (%...) are not supported");
        assertThatThrownBy(() -> parse("k%=1")).hasMessageContaining("Python literals (%...) are not supported");
    }

    private static FunctionArguments parse(String... words) {
        return FunctionArguments.parse(List.of(words));
    }
}
