package dev.jrq.core.internal;

/**
 * The zlib stream that zlib itself writes for a short input in which no three bytes repeat: one final block of
 * fixed Huffman codes holding each byte as a literal, then the Adler-32 of the input. A job's payload is usually
 * such an input ({@code ["bench.noop", null, [7], {}]}).
 *
 * <p>why: {@link java.util.zip.Deflater} costs about 2.3 µs per stream even when reused, most of it clearing its
 * 64 KiB match table on every reset, which is a third of what a bulk enqueue spends per job in the client. This
 * writes the same bytes in about a tenth of that. zlib finds no match in such an input (a match is a repeat of
 * at least three bytes); every byte is below 144, so each literal's fixed code is 8 bits and a stored block
 * would be longer; and up to {@value #MAX_LENGTH} bytes of JSON the fixed codes are shorter than any dynamic
 * Huffman block with its code tables (ZlibTest checks the bytes against zlib's across generated payloads). An
 * input of a few distinct bytes repeated in no triple could make zlib pick a dynamic block a few bytes shorter;
 * what is written here is a valid zlib stream all the same.
 */
final class LiteralZlib {
    /** The longest input written here; why this length: see the class comment. */
    static final int MAX_LENGTH = 48;
    /** Bytes from 144 up have 9-bit fixed codes, and could make zlib choose a stored block. */
    private static final int FIRST_NINE_BIT_LITERAL = 144;
    private static final int HEADER_LENGTH = 2;
    /** The 3 bits pending after the last literal, the 7-bit end-of-block code (all zeros) and zero padding. */
    private static final int BLOCK_END_LENGTH = 2;
    private static final int CHECKSUM_LENGTH = 4;
    /** BFINAL set, BTYPE 01 (fixed Huffman codes), written from the lowest bit. */
    private static final int FINAL_FIXED_BLOCK_BITS = 0b011;
    private static final int BLOCK_HEADER_BIT_COUNT = 3;
    /** Literal {@code b} below 144 has the 8-bit fixed code {@code 0x30 + b}; deflate writes it from its top bit. */
    private static final int FIRST_LITERAL_CODE = 0x30;
    /** 46 triples at most, hashed into 128 slots. */
    private static final int TRIPLE_TABLE_BITS = 7;
    private static final int TRIPLE_TABLE_SIZE = 1 << TRIPLE_TABLE_BITS;
    private static final int ADLER_MODULUS = 65521;
    /** why per thread: a payload is checked on every enqueue, and the table is refilled with zeros each time. */
    private static final ThreadLocal<short[]> TRIPLES = ThreadLocal.withInitial(() -> new short[TRIPLE_TABLE_SIZE]);

    private LiteralZlib() {
    }

    /** Whether {@link #compress(byte[])} gives what zlib would for this input. */
    static boolean suits(byte[] input) {
        if (input.length > MAX_LENGTH) {
            return false;
        }
        for (byte b : input) {
            if ((b & 0xff) >= FIRST_NINE_BIT_LITERAL) {
                return false;
            }
        }
        return !hasRepeatedTriple(input);
    }

    /** The zlib stream of {@code input}, which {@link #suits(byte[])}: {@code input.length + 8} bytes. */
    static byte[] compress(byte[] input) {
        byte[] out = new byte[HEADER_LENGTH + input.length + BLOCK_END_LENGTH + CHECKSUM_LENGTH];
        out[0] = 0x78; // why: deflate with a 32 KiB window, as zlib's default
        out[1] = (byte) 0x9c; // why: zlib's default level; makes the first two bytes a multiple of 31
        int at = HEADER_LENGTH;
        int pending = FINAL_FIXED_BLOCK_BITS;
        for (byte literal : input) {
            pending |= reversedLiteralCode(literal) << BLOCK_HEADER_BIT_COUNT;
            out[at++] = (byte) pending; // why: 3 bits were pending and 8 came, so one byte is whole
            pending >>>= Byte.SIZE;
        }
        out[at] = (byte) pending;
        at += BLOCK_END_LENGTH;
        int value = adler32(input);
        for (int shift = 24; shift >= 0; shift -= Byte.SIZE) {
            out[at++] = (byte) (value >>> shift);
        }
        return out;
    }

    /** The fixed Huffman code of a literal below 144, bit-reversed so that it can be written from the lowest bit. */
    private static int reversedLiteralCode(byte literal) {
        return Integer.reverse(FIRST_LITERAL_CODE + literal) >>> (Integer.SIZE - 8);
    }

    /** RFC 1950's checksum; why by hand: sums of at most {@value #MAX_LENGTH} bytes need no reduction on the way. */
    private static int adler32(byte[] input) {
        int sum = 1;
        int sumOfSums = 0;
        for (byte b : input) {
            sum += b & 0xff;
            sumOfSums += sum;
        }
        return (sumOfSums % ADLER_MODULUS) << 16 | sum % ADLER_MODULUS;
    }

    private static boolean hasRepeatedTriple(byte[] input) {
        if (input.length < 4) {
            return false;
        }
        short[] firstAt = TRIPLES.get(); // positions + 1; 0 is an empty slot
        java.util.Arrays.fill(firstAt, (short) 0);
        for (int i = 0; i + 2 < input.length; i++) {
            int triple = (input[i] & 0xff) << 16 | (input[i + 1] & 0xff) << 8 | (input[i + 2] & 0xff);
            int slot = (triple * 0x9E3779B1) >>> (Integer.SIZE - TRIPLE_TABLE_BITS);
            while (firstAt[slot] != 0) {
                int seen = firstAt[slot] - 1;
                if (input[seen] == input[i] && input[seen + 1] == input[i + 1] && input[seen + 2] == input[i + 2]) {
                    return true;
                }
                slot = (slot + 1) & (TRIPLE_TABLE_SIZE - 1);
            }
            firstAt[slot] = (short) (i + 1);
        }
        return false;
    }
}
