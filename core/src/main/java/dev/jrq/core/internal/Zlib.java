package dev.jrq.core.internal;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams (RFC 1950) as Python's {@code zlib.compress}, default level; a short payload in which no three bytes
 * repeat is written by {@link LiteralZlib}, the same bytes without zlib's per-stream setup.
 */
public final class Zlib {
    /**
     * why: a new Deflater allocates about 256 KiB of native memory and costs tens of µs, on every enqueue; a few
     * idle ones are kept for reuse (bounded, so that many producer threads do not pin much native memory).
     */
    private static final BlockingQueue<Deflater> DEFLATERS = new ArrayBlockingQueue<>(8);
    private static final BlockingQueue<Inflater> INFLATERS = new ArrayBlockingQueue<>(8);
    /**
     * why: each thread inflates into its own buffer, lent to the reader of the inflated bytes, instead of a new
     * buffer sized by guess per payload (a worker inflates one per job); a buffer that grew past this is not kept.
     */
    private static final int MAX_KEPT_INFLATED = 1 << 20;
    private static final int INITIAL_INFLATED = 4096;
    private static final ThreadLocal<InflateBuffer> INFLATED = ThreadLocal.withInitial(InflateBuffer::new);

    private Zlib() {
    }

    public static byte[] compress(byte[] bytes) {
        if (LiteralZlib.suits(bytes)) {
            return LiteralZlib.compress(bytes);
        }
        Deflater pooled = DEFLATERS.poll();
        Deflater deflater = pooled != null ? pooled : new Deflater();
        try {
            deflater.setInput(bytes);
            deflater.finish();
            // why: sized to zlib's bound for small inputs, so a job's payload costs one buffer and one copy
            byte[] out = new byte[bytes.length + (bytes.length >> 10) + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.reset();
            if (!DEFLATERS.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /**
     * The inflated bytes, or the bytes as given when they are not a zlib stream (RQ's readers fall back the
     * same way for an uncompressed {@code data} field).
     */
    public static byte[] decompressOrKeep(byte[] bytes) {
        return decompressOrKeep(bytes, 0, bytes.length);
    }

    /** As {@link #decompressOrKeep(byte[])}, for {@code length} bytes of {@code bytes} from {@code offset}. */
    public static byte[] decompressOrKeep(byte[] bytes, int offset, int length) {
        return inflateThenRead(bytes, offset, length,
                (read, from, count) -> read == bytes ? kept(bytes, from, count) : Arrays.copyOf(read, count));
    }

    /**
     * Hands {@code reader} the inflated bytes, lent for the call only, or the bytes as given when they are not a
     * zlib stream (as {@link #decompressOrKeep(byte[])}), and returns what it read from them.
     *
     * <p>why: a worker inflates one payload per job and only parses it; lending the thread's buffer spares a
     * copy of each.
     */
    public static <T> T inflateThenRead(byte[] bytes, int offset, int length, LentBytes<T> reader) {
        InflateBuffer own = INFLATED.get();
        // why: a reader that inflates too, on this thread, gets a buffer of its own
        InflateBuffer buffer = own.lent ? new InflateBuffer() : own;
        buffer.lent = true;
        try {
            int inflated = inflate(bytes, offset, length, buffer);
            return inflated < 0 ? reader.read(bytes, offset, length) : reader.read(buffer.bytes, 0, inflated);
        } finally {
            buffer.lent = false;
            if (buffer.bytes.length > MAX_KEPT_INFLATED) {
                buffer.bytes = new byte[INITIAL_INFLATED];
            }
        }
    }

    /** Reads bytes lent to it; see {@link #inflateThenRead}. */
    @FunctionalInterface
    public interface LentBytes<T> {
        T read(byte[] bytes, int offset, int length);
    }

    /**
     * Inflates into the buffer, grown as needed; returns the inflated length, or -1 when the bytes are not a whole
     * zlib stream.
     */
    private static int inflate(byte[] bytes, int offset, int length, InflateBuffer buffer) {
        Inflater pooled = INFLATERS.poll();
        Inflater inflater = pooled != null ? pooled : new Inflater();
        try {
            inflater.setInput(bytes, offset, length);
            int inflated = 0;
            while (!inflater.finished()) {
                if (inflated == buffer.bytes.length) {
                    buffer.bytes = Arrays.copyOf(buffer.bytes, buffer.bytes.length * 2);
                }
                int count = inflater.inflate(buffer.bytes, inflated, buffer.bytes.length - inflated);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return -1;
                }
                inflated += count;
            }
            return inflated;
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.reset();
            if (!INFLATERS.offer(inflater)) {
                inflater.end();
            }
        }
    }

    private static byte[] kept(byte[] bytes, int offset, int length) {
        return offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** A thread's buffer to inflate into, and whether it is lent out at the moment. */
    private static final class InflateBuffer {
        byte[] bytes = new byte[INITIAL_INFLATED];
        boolean lent;
    }
}
