package dev.jrq.core;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * were a tenth of what a drained job allocated (JFR); the tree built is the same. Values are written by one
 * generator per thread, reused (a generator per value was most of what writing a payload allocated), and whole
 * numbers and booleans, the usual return values, as their digits without one.
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

    /** why: a generator per value was most of what writing a job's payload allocated (JFR); see ThreadWriter. */
    private static final ThreadLocal<ThreadWriter> WRITERS = ThreadLocal.withInitial(ThreadWriter::new);

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
        ThreadWriter writer = WRITERS.get();
        if (writer.busy) {
            return writeAlone(value); // why: a value whose own serialization serializes another, on this thread
        }
        writer.busy = true;
        try {
            MAPPER.writeValue(writer.generator, value);
            return writer.take();
        } catch (IOException | RuntimeException e) {
            WRITERS.remove(); // why: the generator may be left inside the value it failed to write
            if (e instanceof JsonProcessingException failed) {
                throw cannotWrite(value, failed);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            writer.busy = false;
        }
    }

    private static byte[] writeAlone(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        }
    }

    private static SerializationException cannotWrite(Object value, JsonProcessingException e) {
        return new SerializationException("cannot write a " + value.getClass().getName() + " as JSON: "
                + e.getOriginalMessage(), e);
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

    /**
     * A thread's JSON generator, kept to write one root value after the other (no separator between them) into a
     * buffer that is emptied after each: the generator, its contexts and its buffers are made once per thread.
     * Dropped after a value that failed half way or grew the buffer past 64 KiB.
     */
    private static final class ThreadWriter {
        private static final int KEPT_BYTES = 64 * 1024;

        private final Buffer buffer = new Buffer();
        private final JsonGenerator generator;
        private boolean busy;

        ThreadWriter() {
            try {
                generator = MAPPER.createGenerator(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a JSON generator for memory", e); // why: never
            }
            generator.setRootValueSeparator(null);
        }

        byte[] take() throws IOException {
            generator.flush();
            byte[] written = buffer.toByteArray();
            buffer.reset();
            if (buffer.capacity() > KEPT_BYTES) {
                WRITERS.remove();
            }
            return written;
        }
    }

    /** A byte stream that says how much it holds room for. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(256);
        }

        int capacity() {
            return buf.length;
        }
    }
}
