package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.SerializationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSerializerTest {
    private final JsonSerializer json = new JsonSerializer();

    @Test
    void name_builtIn_isJson() {
        assertThat(json.name()).isEqualTo("json").isEqualTo(JsonSerializer.NAME);
    }

    @Test
    void deserialize_whatPythonWrote_readsTheCall() {
        Object call = json.deserialize(utf8("[\"rqjobs.echo\", null, [1, \"two\", 3.5, null, true, [1, 2], "
                + "{\"a\": 1}], {\"kw\": \"x\"}]"));
        assertThat(call).isEqualTo(Arrays.asList("rqjobs.echo", null,
                Arrays.asList(1, "two", 3.5, null, true, List.of(1, 2), Map.of("a", 1)), Map.of("kw", "x")));
    }

    @Test
    void deserialize_pythonAsciiEscapes_readAsUnicode() {
        assertThat(json.deserialize(utf8("\"caf\\u00e9 \\ud83d\\ude00\""))).isEqualTo("caf\u00e9 \ud83d\ude00");
    }

    @Test
    void deserialize_integers_smallestJavaTypeThatHoldsThem() {
        assertThat(json.deserialize(utf8("[7, 4294967296, 18446744073709551616]"))).isEqualTo(
                List.of(7, 4_294_967_296L, new BigInteger("18446744073709551616")));
    }

    @Test
    void deserialize_pythonNonFiniteFloats_readAsDoubles() {
        assertThat(json.deserialize(utf8("[NaN, Infinity, -Infinity]"))).isEqualTo(
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void serialize_nonFiniteDoubles_writtenAsPythonWritesThem() {
        byte[] bytes = json.serialize(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("[NaN,Infinity,-Infinity]");
        assertThat(json.deserialize(bytes)).isEqualTo(
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void deserialize_pickle_messageSaysItLooksLikePickle() {
        assertThatThrownBy(() -> json.deserialize(new byte[] {(byte) 0x80, 0x05, 0x4b, 0x2a, 0x2e}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("not JSON (5 bytes, looks like a Python pickle)");
    }

    @Test
    void deserialize_emptyOrText_throwsSerializationException() {
        assertThatThrownBy(() -> json.deserialize(new byte[0])).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> json.deserialize(utf8("not json"))).isInstanceOf(SerializationException.class)
                .hasMessage("not JSON (8 bytes)");
    }

    @Test
    void deserialize_truncatedOrTrailingContent_throwsSerializationException() {
        assertThatThrownBy(() -> json.deserialize(utf8("[\"rqjobs.echo\", null, [1, 2")))
                .isInstanceOf(SerializationException.class).hasMessage("not JSON (27 bytes)");
        assertThatThrownBy(() -> json.deserialize(utf8("{\"a\": 1} {\"b\": 2}")))
                .isInstanceOf(SerializationException.class).hasMessage("not JSON (17 bytes)");
    }

    @Test
    void deserialize_objects_keepTheirKeysInOrder_lastDuplicateWins() {
        Object read = json.deserialize(utf8("{\"z\": 1, \"a\": {\"y\": [], \"x\": {}}, \"z\": 2}"));
        assertThat(List.copyOf(((Map<?, ?>) read).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(read).isEqualTo(Map.of("z", 2, "a", Map.of("y", List.of(), "x", Map.of())));
    }

    @Test
    void serialize_aJobsCall_writesCompactJsonInOrder() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("z", List.of());
        kwargs.put("a", null);
        byte[] bytes = json.serialize(Arrays.asList("mail.send", null,
                Arrays.asList(1, 4_294_967_296L, 2.5, "caf\u00e9 \"q\"", true, new BigDecimal("1.10")), kwargs));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "[\"mail.send\",null,[1,4294967296,2.5,\"caf\u00e9 \\\"q\\\"\",true,1.10],{\"z\":[],\"a\":null}]");
    }

    @Test
    void deserialize_aSliceOfALargerArray_readsOnlyTheSliceAndSaysItsLength() {
        byte[] around = utf8("]]{\"a\": [1, \"b\"]} [[");
        for (int i = 0; i < 3; i++) { // why: the thread's reader after a first slice, too
            assertThat(json.deserialize(around, 2, 16)).isEqualTo(Map.of("a", List.of(1, "b")));
        }
        assertThat(json.deserialize(utf8("x 42 x"), 1, 4)).isEqualTo(42);
        assertThatThrownBy(() -> json.deserialize(around, 2, 10)).isInstanceOf(SerializationException.class)
                .hasMessage("not JSON (10 bytes)");
        assertThatThrownBy(() -> json.deserialize(around, 2, 18)).isInstanceOf(SerializationException.class)
                .hasMessage("not JSON (18 bytes)");
    }

    @Test
    void deserialize_thousandsOfValuesOnOneThread_goodAndBadMixed_eachReadAsAlone() {
        for (int i = 0; i < 2_500; i++) {
            String payload = "[\"job.n\", null, [" + i + ", " + i + ".5], {\"k" + i + "\": [true]}]  \n";
            assertThat(json.deserialize(utf8(payload))).as("payload %d", i).isEqualTo(Arrays.asList("job.n", null,
                    List.of(i, i + 0.5), Map.of("k" + i, List.of(true))));
            if (i % 500 == 0) {
                for (String malformed : List.of("[\"cut\", [1", "{\"a\": 1} 2", "{\"a\" 1}", "[1] \"cut]", "[1] [2]")) {
                    assertThatThrownBy(() -> json.deserialize(utf8(malformed))).as(malformed)
                            .isInstanceOf(SerializationException.class)
                            .hasMessage("not JSON (" + utf8(malformed).length + " bytes)");
                }
                assertThat(json.deserialize(utf8("7"))).isEqualTo(7);
            }
        }
    }

    @Test
    void serialize_wholeNumbersAndBooleans_writtenAsJsonLiterals() {
        assertThat(utf8Text(json.serialize(42))).isEqualTo("42");
        assertThat(utf8Text(json.serialize(-7L))).isEqualTo("-7");
        assertThat(utf8Text(json.serialize((short) 3))).isEqualTo("3");
        assertThat(utf8Text(json.serialize(new BigInteger("-18446744073709551616"))))
                .isEqualTo("-18446744073709551616");
        assertThat(utf8Text(json.serialize(false))).isEqualTo("false");
        assertThat(json.deserialize(json.serialize(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void deserialize_deepNesting_readsEveryLevel() {
        String deep = "[".repeat(200) + "{\"k\": \"v\"}" + "]".repeat(200);
        Object read = json.deserialize(utf8(deep));
        for (int level = 0; level < 200; level++) {
            assertThat(read).asList().hasSize(1);
            read = ((List<?>) read).get(0);
        }
        assertThat(read).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void deserialize_readValues_areMutableCollections() {
        Object read = json.deserialize(utf8("[[1], {\"a\": 2}]"));
        List<Object> outer = castList(read);
        outer.add("more");
        castList(outer.get(0)).add(3);
        assertThat(outer).hasSize(3);
        assertThat(outer.get(0)).isEqualTo(List.of(1, 3));
    }

    @Test
    void serialize_oneAfterTheOther_eachIsItsOwnDocument() {
        assertThat(utf8Text(json.serialize(List.of("a", 1)))).isEqualTo("[\"a\",1]");
        assertThat(utf8Text(json.serialize(Map.of("b", List.of())))).isEqualTo("{\"b\":[]}");
        assertThat(utf8Text(json.serialize("c"))).isEqualTo("\"c\"");
    }

    @Test
    void serialize_afterAValueThatFailedHalfWay_writesTheNextOneWhole() {
        assertThatThrownBy(() -> json.serialize(List.of(List.of(1, 2), new Object())))
                .isInstanceOf(SerializationException.class);
        assertThat(utf8Text(json.serialize(List.of(3, "four")))).isEqualTo("[3,\"four\"]");
    }

    @Test
    void serialize_aValueLargerThanTheKeptBuffer_thenASmallOne_bothWhole() {
        String large = "y".repeat(100_000);
        assertThat(json.deserialize(json.serialize(List.of(large)))).isEqualTo(List.of(large));
        assertThat(utf8Text(json.serialize(List.of("small")))).isEqualTo("[\"small\"]");
    }

    @Test
    void serialize_aValueWhoseJsonFormSerializesAnother_writesBoth() {
        Object nested = new Object() {
            @com.fasterxml.jackson.annotation.JsonValue
            public String asJson() {
                return utf8Text(json.serialize(List.of("inner")));
            }
        };
        assertThat(utf8Text(json.serialize(List.of("outer", nested)))).isEqualTo("[\"outer\",\"[\\\"inner\\\"]\"]");
    }

    @Test
    void serialize_objectWithoutJsonForm_throwsSerializationExceptionNamingTheClass() {
        assertThatThrownBy(() -> json.serialize(new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot write a java.lang.Object as JSON");
    }

    @Test
    void serialize_objectWithoutJsonFormInsideAList_throwsSerializationException() {
        assertThatThrownBy(() -> json.serialize(List.of(1, new Object())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot write a java.util.ImmutableCollections$List12 as JSON");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8Text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object value) {
        return (List<Object>) value;
    }
}
