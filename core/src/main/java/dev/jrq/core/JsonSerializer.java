package dev.jrq.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import java.io.IOException;

/**
 * The default serializer, {@code json}: UTF-8 JSON, what RQ's {@code rq.serializers.JSONSerializer} writes and
 * reads. Reads Python's {@code NaN} and {@code Infinity}; integers come back as {@code Integer}, {@code Long} or
 * {@code BigInteger}, decimals as {@code Double}.
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
            return MAPPER.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new SerializationException("not JSON (" + bytes.length + " bytes"
                    + (bytes.length > 1 && (bytes[0] & 0xff) == 0x80 ? ", looks like a Python pickle" : "") + ")", e);
        }
    }
}
