package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings are what Python 3 / RQ's {@code get_call_string} print for the same call. */
class PythonReprTest {

    @Test
    void callString_intArguments_asRq() {
        assertThat(PythonRepr.callString("rqjobs.add", List.of(2, 3), Map.of())).isEqualTo("rqjobs.add(2, 3)");
    }

    @Test
    void callString_noArguments_emptyParentheses() {
        assertThat(PythonRepr.callString("rqjobs.noop", List.of(), Map.of())).isEqualTo("rqjobs.noop()");
    }

    @Test
    void callString_strings_singleQuoted() {
        assertThat(PythonRepr.callString("rqjobs.fail", List.of("parent fails"), Map.of()))
                .isEqualTo("rqjobs.fail('parent fails')");
    }

    @Test
    void callString_nullAndBooleans_asNoneTrueFalse() {
        assertThat(PythonRepr.callString("f", Arrays.asList(null, true, false), Map.of()))
                .isEqualTo("f(None, True, False)");
    }

    @Test
    void callString_nestedValues_asPythonRepr() {
        Map<String, Object> kwargs = Map.of("kw", "x");
        List<Object> args = Arrays.asList(1, "two", 3.5, null, true, List.of(1, 2), Map.of("a", 1));
        assertThat(PythonRepr.callString("rqjobs.echo", args, kwargs))
                .isEqualTo("rqjobs.echo(1, 'two', 3.5, None, True, [1, 2], {'a': 1}, kw='x')");
    }

    @Test
    void callString_kwargs_sortedAsRqSortsKeyEqualsValue() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("b", 1);
        kwargs.put("a", "x");
        kwargs.put("a1", 2);
        // why: RQ sorts the strings "k=v", so "a1=2" comes before "a='x'" ('1' < '=').
        assertThat(PythonRepr.callString("f", List.of(), kwargs)).isEqualTo("f(a1=2, a='x', b=1)");
    }

    @Test
    void callString_longArgument_cutAt75CharactersWithDots() {
        String description = PythonRepr.callString("f", List.of("x".repeat(100)), Map.of("k", "y".repeat(100)));
        assertThat(description).isEqualTo("f('" + "x".repeat(74) + "..., k='" + "y".repeat(74) + "...)");
    }

    @Test
    void callString_argumentOf75Characters_notCut() {
        String exact = "x".repeat(73);
        assertThat(PythonRepr.callString("f", List.of(exact), Map.of())).isEqualTo("f('" + exact + "')");
    }

    @Test
    void repr_stringWithSingleQuote_doubleQuotedAsPython() {
        assertThat(PythonRepr.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
    }

    @Test
    void repr_controlCharacters_escapedAsPython() {
        assertThat(PythonRepr.repr("a\nb\tc\\d\u0001")).isEqualTo("'a\\nb\\tc\\\\d\\x01'");
        assertThat(PythonRepr.repr("caf\u00e9")).isEqualTo("'caf\u00e9'");
    }
}
