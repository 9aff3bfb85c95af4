package dev.jrq.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import dev.jrq.core.internal.ReusableBytes;
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
 * were a tenth of what a drained job allocated (JFR); the tree built is the same. Arrays and objects, such as
 * every job's payload, are read by one parser per thread, reused (a parser per value was a fifth). Values are
 * written by one generator per thread, reused (a generator per value was most of what writing a payload
 * allocated), and whole numbers and booleans, the usual return values, as their digits without one.
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
    /** why: a parser per value was a fifth of what a drained job allocated (JFR); see ThreadReader. */
    private static final ThreadLocal<ThreadReader> READERS = ThreadLocal.withInitial(ThreadReader::new);

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
        boolean written = false;
        try {
            MAPPER.writeValue(writer.generator, value);
            byte[] bytes = writer.take();
            written = true;
            return bytes;
        } catch (JsonProcessingException e) {
            throw cannotWrite(value, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON into memory", e); // why: in memory, never
        } finally {
            writer.busy = false;
            if (!written) {
                WRITERS.remove(); // why: the generator may be left inside the value it failed to write
            }
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
        return deserialize(bytes, 0, bytes.length);
    }

    @Override
    public Object deserialize(byte[] bytes, int offset, int length) {
        int end = offset + length;
        if (ThreadReader.canRead(bytes, offset, end)) {
            Object read = READERS.get().read(bytes, offset, end);
            if (read != ThreadReader.UNREAD) {
                return read;
            }
            READERS.remove(); // why: its parser may be left inside the value; the bytes are read alone below
        }
        try {
            return readWhole(bytes, offset, length);
        } catch (IOException e) {
            throw new SerializationException("not JSON (" + length + " bytes"
                    + (length > 1 && (bytes[offset] & 0xff) == 0x80 ? ", looks like a Python pickle" : "") + ")", e);
        }
    }

    /**
     * One JSON value that fills {@code length} bytes from {@code offset}, as
     * {@code ObjectMapper.readValue(bytes, Object.class)} reads it.
     */
    private static Object readWhole(byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser parser = MAPPER.createParser(bytes, offset, length)) {
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
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new JsonParseException(parser, "the input ends inside an object");
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
        private final ReusableBytes buffer = new ReusableBytes(256);
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
            if (buffer.grewPastKept()) {
                WRITERS.remove();
            }
            return written;
        }
    }

    /**
     * A thread's non-blocking JSON parser, fed one array or object after the other: the parser, its contexts and
     * its buffers are made once per thread, not per value. Only a value that starts with {@code [} or
     * <code>{</code> is read this way (a bare number's end is known only at the input's end); anything it cannot
     * read whole and alone (a value cut short, content after it) is left to the blocking parser, so the outcome and
     * the error are the same. Replaced after {@link #VALUES_PER_PARSER} values, so that the field names it keeps
     * cannot pile up, and after a value over 64 KiB, so that a thread does not keep the buffers it grew for it.
     */
    private static final class ThreadReader {
        /** What {@link #read} returns when the bytes are not one whole array or object. */
        static final Object UNREAD = new Object();
        private static final int VALUES_PER_PARSER = 1000;

        private final JsonParser parser;
        private final ByteArrayFeeder feeder;
        private int values;
        /** Bytes fed to the parser before the current value: its locations count from its first input. */
        private long fed;

        ThreadReader() {
            try {
                parser = MAPPER.getFactory().createNonBlockingByteArrayParser();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a JSON parser for memory", e); // why: never
            }
            feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        }

        /** Whether the bytes from {@code at} to {@code end} start (after white space) an array or an object. */
        static boolean canRead(byte[] bytes, int at, int end) {
            int first = skipWhiteSpace(bytes, at, end);
            return first < end && (bytes[first] == '[' || bytes[first] == '{');
        }

        /** The index of the first byte from {@code at} on that is not JSON white space, or {@code end}. */
        private static int skipWhiteSpace(byte[] bytes, int at, int end) {
            while (at < end && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) {
                at++;
            }
            return at;
        }

        /**
         * The array or object that fills the bytes from {@code start} to {@code end}, or {@link #UNREAD}; then
         * this reader must be dropped.
         */
        Object read(byte[] bytes, int start, int end) {
            try {
                feeder.feedInput(bytes, start, end);
                Object value = JsonSerializer.read(parser, parser.nextToken());
                // why: only white space may follow; content cut short after it (a number, a string) would not
                // show as a token until more input came
                long valueEnd = start + parser.currentLocation().getByteOffset() - fed;
                fed += end - start;
                if (skipWhiteSpace(bytes, (int) valueEnd, end) != end
                        || parser.nextToken() != JsonToken.NOT_AVAILABLE || !feeder.needMoreInput()) {
                    return UNREAD;
                }
                if (++values >= VALUES_PER_PARSER || end - start > ReusableBytes.KEPT_BYTES) {
                    READERS.remove();
                }
                return value;
            } catch (IOException | RuntimeException e) {
                return UNREAD;
            }
        }
    }
}
