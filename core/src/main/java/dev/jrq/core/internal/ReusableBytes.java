package dev.jrq.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * A byte stream a thread keeps and empties for each message it writes (a JSON value, a MessagePack message), and
 * stops keeping once a large message has grown it.
 *
 * <p>why: the writers on hot paths keep their buffers per thread; one large message must not leave every thread
 * that wrote one holding its size for ever.
 */
public final class ReusableBytes extends ByteArrayOutputStream {
    /** The most a thread keeps between messages; a stream or reader grown past it is dropped after use. */
    public static final int KEPT_BYTES = 64 * 1024;

    public ReusableBytes(int initialBytes) {
        super(initialBytes);
    }

    /**
     * A thread's scratch array with room for {@code length} bytes: {@code kept} itself when it has, else a new one
     * (at least twice as large), which the thread keeps in its place only up to {@link #KEPT_BYTES}.
     */
    public static byte[] roomFor(byte[] kept, int length) {
        return kept.length >= length ? kept : new byte[Math.max(length, 2 * kept.length)];
    }

    /** Whether a message grew it past {@link #KEPT_BYTES}, so that it should not be kept. */
    public boolean grewPastKept() {
        return buf.length > KEPT_BYTES;
    }
}
