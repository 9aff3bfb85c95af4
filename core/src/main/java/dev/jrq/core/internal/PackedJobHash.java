package dev.jrq.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.value.ValueType;

/**
 * A job hash as Redis's {@code cmsgpack.pack} packs an {@code HGETALL} reply (an array of field, value, ...
 * strings), read into what {@link JobCodec#decodeJob(String, Map, byte[], byte[])} takes: the text fields, and
 * the {@code data} and {@code meta} bytes.
 *
 * <p>why: a worker reads one per job it runs; reading values as text straight from the packed bytes, RQ's field
 * names as shared constants and empty values as {@code ""}, with no map of byte arrays in between, took a quarter
 * off what a drained job allocates.
 *
 * @param text every field but the {@link JobCodec#isBinaryField binary} ones, as text (a mutable map)
 * @param data the zlib payload, {@code null} when absent
 * @param meta the serialized meta, {@code null} when absent (also in {@code text})
 */
public record PackedJobHash(Map<String, String> text, byte[] data, byte[] meta) {
    /** The fields RQ and JRQ write, by length: a packed name equal to one of them is read as the constant. */
    private static final KnownField[][] KNOWN_FIELDS_BY_LENGTH = byLength(List.of("status", "created_at", "data",
            "success_callback_name", "failure_callback_name", "stopped_callback_name", "started_at", "ended_at",
            "last_heartbeat", "worker_name", "origin", "description", "enqueued_at", "timeout", "result_ttl",
            "failure_ttl", "ttl", "meta", "retries_left", "retry_intervals", "success_callback_timeout",
            "failure_callback_timeout", "stopped_callback_timeout", "dependency_id", "dependency_ids",
            "allow_dependency_failures", "enqueue_at_front", "exc_info", "group_id", "jrq_retry_jitter"));

    /** Reads a packed hash; a reply that is not one is an error of the script that sent it. */
    public static PackedJobHash unpack(byte[] packed) {
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(packed)) {
            int items = unpacker.unpackArrayHeader();
            Map<String, String> text = new HashMap<>(items);
            byte[] data = null;
            byte[] meta = null;
            for (int i = 0; i + 1 < items; i += 2) {
                String field = readText(unpacker, true);
                if ("data".equals(field)) {
                    data = unpacker.readPayload(stringHeader(unpacker));
                } else if ("exc_info".equals(field)) {
                    unpacker.skipValue();
                } else if ("meta".equals(field)) {
                    meta = unpacker.readPayload(stringHeader(unpacker));
                    text.put(field, new String(meta, StandardCharsets.UTF_8));
                } else {
                    text.put(field, readText(unpacker, false));
                }
            }
            return new PackedJobHash(text, data, meta);
        } catch (IOException | MessagePackException e) {
            throw new IllegalStateException("a take's reply held no packed job hash: " + e.getMessage(), e);
        }
    }

    private static String readText(MessageUnpacker unpacker, boolean fieldName) throws IOException {
        int length = stringHeader(unpacker);
        if (length == 0) {
            return "";
        }
        MessageBuffer bytes = unpacker.readPayloadAsReference(length);
        byte[] array = bytes.hasArray() ? bytes.array() : bytes.toByteArray();
        int offset = bytes.hasArray() ? bytes.arrayOffset() : 0;
        if (fieldName && length < KNOWN_FIELDS_BY_LENGTH.length) {
            for (KnownField known : KNOWN_FIELDS_BY_LENGTH[length]) {
                if (Arrays.equals(array, offset, offset + length, known.bytes(), 0, length)) {
                    return known.name();
                }
            }
        }
        return new String(array, offset, length, StandardCharsets.UTF_8);
    }

    /** The length of the next string (cmsgpack packs Lua strings as str, or as bin in newer versions). */
    private static int stringHeader(MessageUnpacker unpacker) throws IOException {
        return unpacker.getNextFormat().getValueType() == ValueType.BINARY ? unpacker.unpackBinaryHeader()
                : unpacker.unpackRawStringHeader();
    }

    private static KnownField[][] byLength(List<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        KnownField[][] table = new KnownField[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int size = length;
            table[length] = names.stream().filter(name -> name.length() == size)
                    .map(name -> new KnownField(name, name.getBytes(StandardCharsets.US_ASCII)))
                    .toArray(KnownField[]::new);
        }
        return table;
    }

    private record KnownField(String name, byte[] bytes) {
    }
}
