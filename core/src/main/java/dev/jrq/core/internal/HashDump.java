package dev.jrq.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hash as Redis's {@code DUMP} serializes it (Redis 7's RDB format), read into its fields and values: each as a
 * span of {@link #bytes()}, integers written there as their decimal text. Reads the two kinds a job hash is kept
 * as from Redis 7.0 on: a listpack ({@code RDB_TYPE_HASH_LISTPACK}, 16: small values, the usual job) and a table
 * ({@code RDB_TYPE_HASH}, 4: a value over {@code hash-max-listpack-value} bytes), with RDB's integer and LZF
 * encodings of strings. The dump's trailer (RDB version and CRC64) is not read: the dump comes straight from Redis,
 * over TCP.
 *
 * <p>why: lib/take.lua replies a started job's hash as its dump; Redis writes it with one copy of its listpack,
 * where converting {@code HGETALL}'s reply into Lua and packing it again took a quarter of Redis's time per drained
 * job (docs/performance.md, change 41).
 *
 * <p>A reader is reused, dump after dump, by one thread; the spans of one dump are valid until the next is read.
 */
public final class HashDump {
    /** {@code RDB_TYPE_HASH}: a count, then field and value strings. */
    public static final int TYPE_TABLE = 4;
    /** {@code RDB_TYPE_HASH_LISTPACK}: one string, a listpack of field, value, ... */
    public static final int TYPE_LISTPACK = 16;
    /** The RDB version (2 bytes) and CRC64 (8 bytes) that end every dump. */
    private static final int TRAILER = 10;
    private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[1024];
    private int written;
    private int[] spans = new int[64];
    private int count;
    /** Where a compressed listpack is decompressed to be read. */
    private byte[] scratch = new byte[1024];
    /** why reused: a reader reads a dump per job, and a new cursor each time was garbage per job. */
    private final Input input = new Input();
    private final Listpack listpackReader = new Listpack();

    /**
     * Reads the dump in {@code dump[from..to)}.
     *
     * @throws IllegalStateException when it is no dump of a hash this reader reads, or is cut short
     */
    public void read(byte[] dump, int from, int to) {
        written = 0;
        count = 0;
        // why: a big job's dump grows them; the thread keeps them only up to the size other buffers are kept at
        if (out.length > ReusableBytes.KEPT_BYTES) {
            out = new byte[1024];
        }
        if (scratch.length > ReusableBytes.KEPT_BYTES) {
            scratch = new byte[1024];
        }
        if (to - from < TRAILER + 1) {
            throw malformed("it is " + (to - from) + " bytes long");
        }
        Input input = this.input.reset(dump, from, to - TRAILER);
        int type = input.next();
        if (type == TYPE_LISTPACK) {
            readListpack(input);
        } else if (type == TYPE_TABLE) {
            long fields = input.length();
            for (long i = 0; i < 2 * fields; i++) {
                string(input);
            }
        } else {
            throw malformed("its type is " + type + ", not a hash kept as a listpack (16) or a table (4)");
        }
        if (count % 2 != 0) {
            throw malformed("it holds " + count + " strings, not field and value pairs");
        }
    }

    /** How many fields the hash read has. */
    public int fields() {
        return count / 2;
    }

    /** The bytes the spans point into. */
    public byte[] bytes() {
        return out;
    }

    /** Where each string lies in {@link #bytes()}: offset, length, offset, length, ... (field 0, value 0, ...). */
    public int[] spans() {
        return spans;
    }

    /** Where the {@code i}-th string (field 0, value 0, field 1, ...) starts in {@link #bytes()}. */
    public int offset(int i) {
        return spans[2 * i];
    }

    /** How long the {@code i}-th string is. */
    public int length(int i) {
        return spans[2 * i + 1];
    }

    /** The {@code i}-th string as text; for tests and error messages. */
    public String text(int i) {
        return new String(out, offset(i), length(i), StandardCharsets.UTF_8);
    }

    private void readListpack(Input input) {
        int special = input.peek();
        byte[] listpack;
        int at;
        int end;
        if (special >> 6 == 3 && (special & 0x3f) == 3) {
            input.next();
            int compressed = checkedLength(input.length());
            int length = checkedLength(input.length());
            scratch = ReusableBytes.roomFor(scratch, length);
            Lzf.decompress(input.bytes, input.take(compressed), compressed, scratch, 0, length);
            listpack = scratch;
            at = 0;
            end = length;
        } else if (special >> 6 == 3) {
            throw malformed("its listpack is an integer");
        } else {
            int length = checkedLength(input.length());
            listpack = input.bytes;
            at = input.take(length);
            end = at + length;
        }
        listpackReader.readInto(listpack, at, end, this);
    }

    /** One RDB string: its bytes, or its integer's text, appended to the spans. */
    private void string(Input input) {
        int first = input.peek();
        if (first >> 6 != 3) {
            int length = checkedLength(input.length());
            append(input.bytes, input.take(length), length);
            return;
        }
        input.next();
        switch (first & 0x3f) {
            case 0 -> appendInteger((byte) input.next());
            case 1 -> appendInteger((short) input.littleEndian(2));
            case 2 -> appendInteger((int) input.littleEndian(4));
            case 3 -> {
                int compressed = checkedLength(input.length());
                int length = checkedLength(input.length());
                int start = room(length);
                Lzf.decompress(input.bytes, input.take(compressed), compressed, out, start, length);
                span(start, length);
            }
            default -> throw malformed(String.format("a string's encoding is 0x%02x", first));
        }
    }

    void append(byte[] source, int from, int length) {
        int start = room(length);
        System.arraycopy(source, from, out, start, length);
        span(start, length);
    }

    /** Appends the integer's decimal text, as Redis wrote it before keeping it as an integer. */
    void appendInteger(long value) {
        if (value == Long.MIN_VALUE) {
            append(LONG_MIN, 0, LONG_MIN.length);
            return;
        }
        int digits = 1;
        for (long rest = Math.abs(value) / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int length = value < 0 ? digits + 1 : digits;
        int start = room(length);
        // why written in place: a job has a few (its timeout, result TTL); a String and its bytes for each, with a
        // new cursor per dump, made a drained job allocate 80-150 bytes more than with HGETALL (bench, change 41)
        long rest = Math.abs(value);
        for (int i = start + length - 1; i >= start + length - digits; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        if (value < 0) {
            out[start] = '-';
        }
        span(start, length);
    }

    private int room(int length) {
        if (out.length - written < length) {
            out = Arrays.copyOf(out, Math.max(written + length, 2 * out.length));
        }
        int start = written;
        written += length;
        return start;
    }

    private void span(int start, int length) {
        if (spans.length < 2 * count + 2) {
            spans = Arrays.copyOf(spans, 2 * spans.length);
        }
        spans[2 * count] = start;
        spans[2 * count + 1] = length;
        count++;
    }

    private static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE) {
            throw malformed("a string claims " + length + " bytes");
        }
        return (int) length;
    }

    /** The unsigned little-endian number in {@code bytes[at..at+width)}. */
    static long littleEndian(byte[] bytes, int at, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }

    static IllegalStateException malformed(String why) {
        return new IllegalStateException("a take's reply held no readable dump of a job hash: " + why);
    }

    /** RDB's bytes from {@code at} up to {@code end}. */
    private static final class Input {
        byte[] bytes;
        private int end;
        private int at;

        Input reset(byte[] bytes, int at, int end) {
            this.bytes = bytes;
            this.at = at;
            this.end = end;
            return this;
        }

        int peek() {
            require(1);
            return bytes[at] & 0xff;
        }

        int next() {
            require(1);
            return bytes[at++] & 0xff;
        }

        /** Skips {@code length} bytes; returns where they start. */
        int take(int length) {
            require(length);
            at += length;
            return at - length;
        }

        /** RDB's length encoding: 6 bits, 14 bits, or 32 or 64 bits big-endian after a marker. */
        long length() {
            int first = next();
            return switch (first >> 6) {
                case 0 -> first & 0x3f;
                case 1 -> (first & 0x3f) << 8 | next();
                case 2 -> switch (first) {
                    case 0x80 -> bigEndian(4);
                    case 0x81 -> bigEndian(8);
                    default -> throw malformed(String.format("a length starts 0x%02x", first));
                };
                default -> throw malformed(String.format("a length starts 0x%02x, an encoded string's mark", first));
            };
        }

        long littleEndian(int width) {
            require(width);
            at += width;
            return HashDump.littleEndian(bytes, at - width, width);
        }

        private long bigEndian(int width) {
            require(width);
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = value << 8 | (bytes[at++] & 0xff);
            }
            return value;
        }

        private void require(int length) {
            if (length < 0 || length > end - at) {
                throw malformed("it ends inside an item, at byte " + end);
            }
        }
    }
}
