package dev.jrq.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default serializer, {@code json}: UTF-8 JSON, what RQ's {@code rq.serializers.JSONSerializer} writes and
 * reads. Reads Python's {@code NaN} and {@code Infinity}; integers come back as {@code Integer}, {@code Long} or
 * {@code BigInteger}, decimals as {@code Double}; arrays as {@code ArrayList}, objects as {@code LinkedHashMap} in
 * their keys' order (the last of duplicate keys wins).
 *
 * <p>why values are read token by token rather than with {@code ObjectMapper.readValue(bytes, Object.class)}: a
 * worker reads one payload per job, and the mapper's deserialization context and untyped deserializer's scopes
 * were a tenth of what a drained job allocated (JFR); the tree built is the same. Likewise whole numbers and
 * booleans, the usual return values, are written as their digits without a generator.
 */
public final class JsonSerializer implements Serializer {
    /** The name to select this serializer by. */
    public static final String NAME = "json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // why: Python's json.dumps writes bare NaN/Infinity; Jackson's default "NaN" would read back as a string.
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] serialize(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString().getBytes(StandardCharsets.US_ASCII);
        }
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write a " + value.getClass().getName()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try {
            return readWhole(bytes);
        } catch (IOException e) {
            throw new SerializationException("not JSON (" + bytes.length + " bytes"
                    + (bytes.length > 1 && (bytes[0] & 0xff) == 0x80 ? ", looks like a Python pickle" : "") + ")", e);
        }
    }

    /** One JSON value that fills {@code bytes}, as {@code ObjectMapper.readValue(bytes, Object.class)} reads it. */
    private static Object readWhole(byte[] bytes) throws IOException {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonParseException(parser, "no JSON value: the input is empty");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more content after the first JSON value");
            }
            return value;
        }
    }

    /** The value that starts at {@code token}; the parser is left on its last token. */
    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "the input ends inside a value");
        }
        return switch (token) {
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>(4);
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(read(parser, next));
                }
                yield list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    map.put(key, read(parser, parser.nextToken()));
                }
                yield map;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }
}
