package dev.jrq.core.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.handler.State;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;

/**
 * The codec of one take script call (dequeue.lua, finish_many.lua): arguments as {@link ByteArrayCodec} sends
 * them; in the reply, the string that packs the jobs the take started (lib/take.lua) is read where Redisson's I/O
 * thread received it, into a {@code List<PackedJobHash.Started>} with the fields the start wrote set to
 * {@code startFields}; every other string is bytes, as {@link ByteArrayCodec} gives them.
 *
 * <p>The packed string is told from the others by its first byte, a MessagePack string header (0x80 and up): the
 * take scripts' other reply strings are ASCII (flags, timestamps). A packed string that cannot be read is given as
 * bytes, for the caller to read and report (see {@link PackedJobHash.Reader}).
 *
 * <p>why: {@code ByteArrayCodec} copied the whole string, field names and all, into a new array that was thrown
 * away once read: an eighth of what a drained job allocated (JFR). Read from the received buffer (or a copy kept
 * by the I/O thread), only the values and the payload are new.
 */
public final class TakeReplyCodec extends BaseCodec {
    /** The I/O threads' copies of a received direct buffer, kept up to {@link ReusableBytes#KEPT_BYTES}. */
    private static final ThreadLocal<byte[]> RECEIVED = ThreadLocal.withInitial(() -> new byte[4096]);

    private final String[] startFields;
    private final Decoder<Object> decoder = this::decode;

    /** @param startFields the fields a start wrote and their values: field, value, ... */
    public TakeReplyCodec(String... startFields) {
        this.startFields = startFields;
    }

    @Override
    public Decoder<Object> getValueDecoder() {
        return decoder;
    }

    @Override
    public Encoder getValueEncoder() {
        return ByteArrayCodec.INSTANCE.getValueEncoder();
    }

    private Object decode(ByteBuf buf, State state) {
        int length = buf.readableBytes();
        if (length == 0 || (buf.getByte(buf.readerIndex()) & 0x80) == 0) {
            return copy(buf);
        }
        byte[] bytes;
        int from;
        if (buf.hasArray()) {
            bytes = buf.array();
            from = buf.arrayOffset() + buf.readerIndex();
        } else {
            bytes = received(length);
            from = 0;
            buf.getBytes(buf.readerIndex(), bytes, 0, length);
        }
        try {
            List<PackedJobHash.Started> started = new ArrayList<>();
            PackedJobHash.Reader reader = PackedJobHash.reader(bytes, from, from + length);
            while (reader.hasNext()) {
                started.add(reader.nextStarted(true, startFields));
            }
            buf.skipBytes(length);
            return started;
        } catch (IllegalStateException e) {
            // why: never fail on Redisson's I/O thread; the bytes go to the caller, whose read says what is wrong
            return copy(buf);
        }
    }

    /** The string's bytes, as {@link ByteArrayCodec} gives them. */
    private static byte[] copy(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }

    private static byte[] received(int length) {
        byte[] kept = RECEIVED.get();
        byte[] room = ReusableBytes.roomFor(kept, length);
        if (room != kept && room.length <= ReusableBytes.KEPT_BYTES) {
            RECEIVED.set(room);
        }
        return room;
    }
}
