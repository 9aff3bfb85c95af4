package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Serializer} must do, for the built-in one and for plugins: extend this class (it ships in
 * jrq-core's test jar) and return your serializer.
 *
 * <pre>{@code
 * class CborSerializerTest extends SerializerContract {
 *     protected Serializer serializer() { return new CborSerializer(); }
 * }
 * }</pre>
 *
 * <p>Numbers may come back as another {@link Number} type of the same value (an {@code Integer} as a
 * {@code Long}); everything else comes back equal.
 */
public abstract class SerializerContract {

    /** The serializer under test; may return the same instance every time. */
    protected abstract Serializer serializer();

    /**
     * Bytes that are not in the serializer's format. The defaults are a Python pickle (the reference's pickled
     * job payload) and a serialized map cut in half; override when your format happens to accept either.
     */
    protected List<byte[]> garbage() {
        byte[] whole = serializer().serialize(Map.of("key", "a value long enough to cut", "n", List.of(1, 2, 3)));
        return List.of(HexFormat.of().parseHex("8005951a00000000000000288c0a72716a6f62732e616464944e4b284b02"
                        + "86947d9474942e"),
                Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    public void name_always_isNotBlank() {
        assertThat(serializer().name()).isNotBlank();
    }

    @Test
    public void roundTrip_null_comesBackNull() {
        assertThat(roundTrip(null)).isNull();
    }

    @Test
    public void roundTrip_unicodeStrings_comeBackEqual() {
        for (String text : List.of("", "plain", "caf\u00e9 na\u00efve", "\u65e5\u672c\u8a9e", "emoji \ud83d\ude00",
                "quotes \" ' and \\ back\nslash\ttab", "\u0000nul")) {
            assertThat(roundTrip(text)).isEqualTo(text);
        }
    }

    @Test
    public void roundTrip_ints_comeBackWithTheirValue() {
        for (int value : new int[] {0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertSameValue(roundTrip(value), value);
        }
    }

    @Test
    public void roundTrip_longs_comeBackWithTheirValue() {
        for (long value : new long[] {1L << 40, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertSameValue(roundTrip(value), value);
        }
    }

    @Test
    public void roundTrip_doubles_comeBackWithTheirValue() {
        for (double value : new double[] {3.5, -0.25, 0.1, 1e300, -1.5e-300, Double.MIN_VALUE}) {
            assertSameValue(roundTrip(value), value);
        }
    }

    @Test
    public void roundTrip_booleans_comeBackEqual() {
        assertThat(roundTrip(true)).isEqualTo(true);
        assertThat(roundTrip(false)).isEqualTo(false);
    }

    @Test
    public void roundTrip_rqJobPayload_comesBackEqual() {
        List<Object> payload = Arrays.asList("rqjobs.echo", null,
                Arrays.asList(1, "two", 3.5, null, true, List.of(1, 2), Map.of("a", 1)), Map.of("kw", "x"));
        assertSameValue(roundTrip(payload), payload);
    }

    @Test
    public void roundTrip_nestedListsAndMaps_comeBackEqual() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("none", null);
        inner.put("list", List.of(List.of(), List.of(Map.of()), List.of(List.of("deep"))));
        Map<String, Object> value = Map.of("outer", inner, "empty", Map.of(), "numbers", List.of(1, 2.5, -3));
        assertSameValue(roundTrip(value), value);
    }

    @Test
    public void roundTrip_fromManyThreads_everyValueComesBack() {
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int id = thread;
            results.add(CompletableFuture.supplyAsync(() -> IntStream.range(0, 200)
                    .mapToObj(i -> roundTrip(Map.of("thread", "t" + id, "i", List.of("v" + i)))).toList()));
        }
        for (int thread = 0; thread < 8; thread++) {
            List<?> values = (List<?>) results.get(thread).join();
            assertThat(values).hasSize(200);
            assertThat(values.get(199)).isEqualTo(Map.of("thread", "t" + thread, "i", List.of("v199")));
        }
    }

    @Test
    public void deserialize_garbageBytes_throwsSerializationException() {
        for (byte[] bytes : garbage()) {
            assertThatThrownBy(() -> serializer().deserialize(bytes))
                    .as("deserializing %s", HexFormat.of().formatHex(bytes))
                    .isInstanceOf(SerializationException.class);
        }
    }

    private Object roundTrip(Object value) {
        return serializer().deserialize(serializer().serialize(value));
    }

    /** Equal, but with numbers compared by value, so an Integer may come back as a Long. */
    protected static void assertSameValue(Object actual, Object expected) {
        if (expected instanceof Number number && (expected instanceof Double || expected instanceof Float)) {
            assertThat(actual).isInstanceOf(Number.class);
            assertThat(((Number) actual).doubleValue()).isEqualTo(number.doubleValue());
        } else if (expected instanceof Number number) {
            assertThat(actual).isInstanceOf(Number.class);
            assertThat(((Number) actual).longValue()).isEqualTo(number.longValue());
        } else if (expected instanceof List<?> list) {
            assertThat(actual).isInstanceOf(List.class);
            assertThat((List<?>) actual).hasSameSizeAs(list);
            for (int i = 0; i < list.size(); i++) {
                assertSameValue(((List<?>) actual).get(i), list.get(i));
            }
        } else if (expected instanceof Map<?, ?> map) {
            assertThat(actual).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) actual).keySet()).isEqualTo(map.keySet());
            map.forEach((key, item) -> assertSameValue(((Map<?, ?>) actual).get(key), item));
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }
}
