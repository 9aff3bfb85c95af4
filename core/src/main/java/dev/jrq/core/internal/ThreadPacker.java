package dev.jrq.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * A MessagePack packer kept per thread and reused for each message it packs, for messages packed on hot paths:
 * a job enqueued on its own, a worker slot's successes.
 *
 * <p>why: msgpack-core's {@code MessageBufferPacker} allocates its buffer for each new packer and slices it as it
 * flushes; a new one per enqueued job was an eighth of what the enqueue allocated (JFR). Here the packer's buffer
 * and the stream it flushes into live as long as the thread, and a message costs one copy of its bytes.
 *
 * <pre>{@code
 * MessagePacker packer = ThreadPacker.start();
 * packer.packString(jobId);
 * byte[] message = ThreadPacker.finish();
 * }</pre>
 *
 * <p>One message at a time per thread: {@link #start()} discards whatever the thread packed and did not finish.
 */
public final class ThreadPacker {
    /** why: enough for most messages; a bigger one grows the stream, which is dropped after it (see finish). */
    private static final int BUFFER_BYTES = 512;

    private static final ThreadLocal<ThreadPacker> OWN = ThreadLocal.withInitial(ThreadPacker::new);

    private final ReusableBytes stream = new ReusableBytes(BUFFER_BYTES);
    private final MessagePacker packer = new MessagePack.PackerConfig().withBufferSize(BUFFER_BYTES)
            .newPacker(stream);
    /** ASCII text's bytes on their way into the packer ({@link #packText}). */
    private byte[] ascii = new byte[64];

    private ThreadPacker() {
    }

    /** The calling thread's packer, emptied, to pack one message into. */
    public static MessagePacker start() {
        ThreadPacker own = OWN.get();
        own.stream.reset();
        own.packer.clear();
        return own.packer;
    }

    /**
     * Packs text as a MessagePack string into the calling thread's packer; ASCII text (job ids, base64) goes in
     * without the copy {@code packString} makes ({@code String.getBytes}).
     */
    public static void packText(MessagePacker packer, String text) throws IOException {
        ThreadPacker own = OWN.get();
        int length = text.length();
        if (own.packer != packer || length > ReusableBytes.KEPT_BYTES) {
            packer.packString(text);
            return;
        }
        byte[] bytes = ReusableBytes.roomFor(own.ascii, length);
        own.ascii = bytes; // why: length is at most KEPT_BYTES (above)
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                packer.packString(text);
                return;
            }
            bytes[i] = (byte) c;
        }
        packer.packRawStringHeader(length);
        packer.writePayload(bytes, 0, length);
    }

    /** The message packed since {@link #start()} on this thread. */
    public static byte[] finish() {
        ThreadPacker own = OWN.get();
        try {
            own.packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush a packer into memory", e); // why: in memory, never
        }
        byte[] message = own.stream.toByteArray();
        if (own.stream.grewPastKept()) {
            OWN.remove();
        }
        return message;
    }
}
