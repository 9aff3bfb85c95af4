package dev.jrq.core.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New job ids in RQ's form: the text of a random (version 4) UUID, as Python's {@code uuid4()} gives RQ.
 *
 * <p>why not {@link UUID#randomUUID()}: it asks the shared {@code SecureRandom} for 16 bytes per id, a lock and,
 * on Linux, a read of {@code /dev/urandom} each time: a tenth of a bulk enqueue's client time. Each thread here
 * draws the bytes of {@value #IDS_PER_DRAW} ids from one {@code SecureRandom} at once; the ids are as random.
 */
public final class JobIds {
    private static final int IDS_PER_DRAW = 64;
    private static final int UUID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<RandomBytes> BYTES = ThreadLocal.withInitial(RandomBytes::new);

    private JobIds() {
    }

    /** A new random id, e.g. {@code 6f1b3c2e-9d0a-4c1e-8b7f-2a5d4e6f7081}. */
    public static String next() {
        return BYTES.get().nextUuid().toString();
    }

    /** A thread's random bytes, drawn {@value #IDS_PER_DRAW} ids at a time and each used once. */
    private static final class RandomBytes {
        private final ByteBuffer drawn = ByteBuffer.allocate(IDS_PER_DRAW * UUID_BYTES);

        RandomBytes() {
            drawn.position(drawn.limit()); // why: nothing drawn yet, so the first id draws
        }

        UUID nextUuid() {
            if (!drawn.hasRemaining()) {
                RANDOM.nextBytes(drawn.array());
                drawn.clear();
            }
            // why: version 4 and the IETF variant, as RFC 9562 sets them for a random UUID
            long mostSignificant = (drawn.getLong() & ~0xF000L) | 0x4000L;
            long leastSignificant = (drawn.getLong() & ~(0xC0L << 56)) | (0x80L << 56);
            return new UUID(mostSignificant, leastSignificant);
        }
    }
}
