package dev.jrq.core.internal;

/**
 * Redis's listpack (the compact encoding of small hashes, lists and sets, Redis 7's {@code listpack.c}): a 6-byte
 * header (total bytes, element count), then each element as an encoding byte, its string or integer, and its
 * length backwards (for reading in reverse); 0xFF ends it. Read front to back into a {@link HashDump}, by a
 * reader reused listpack after listpack.
 */
final class Listpack {
    private static final int HEADER = 6;
    private static final int END = 0xff;

    private byte[] bytes;
    private int end;
    private int at;

    /**
     * Appends every element of the listpack in {@code bytes[from..to)} to {@code into}: strings as they are,
     * integers as their decimal text.
     */
    void readInto(byte[] bytes, int from, int to, HashDump into) {
        if (to - from < HEADER + 1) {
            throw HashDump.malformed("a listpack of " + (to - from) + " bytes");
        }
        this.bytes = bytes;
        this.at = from + HEADER;
        this.end = to;
        while (true) {
            int start = at;
            int encoding = next();
            if (encoding == END) {
                return;
            }
            if (encoding < 0x80) {
                into.appendInteger(encoding);
            } else if (encoding < 0xc0) {
                string(into, encoding & 0x3f);
            } else if (encoding < 0xe0) {
                into.appendInteger(signed((encoding & 0x1f) << 8 | next(), 13));
            } else if (encoding < 0xf0) {
                string(into, (encoding & 0x0f) << 8 | next());
            } else {
                switch (encoding) {
                    case 0xf0 -> string(into, (int) checked(littleEndian(4)));
                    case 0xf1 -> into.appendInteger(signed(littleEndian(2), 16));
                    case 0xf2 -> into.appendInteger(signed(littleEndian(3), 24));
                    case 0xf3 -> into.appendInteger((int) littleEndian(4));
                    case 0xf4 -> into.appendInteger(littleEndian(8));
                    default -> throw HashDump.malformed(String.format("a listpack element's encoding is 0x%02x",
                            encoding));
                }
            }
            skipBacklen(at - start);
        }
    }

    private void string(HashDump into, int length) {
        require(length);
        into.append(bytes, at, length);
        at += length;
    }

    /** The length backwards that follows an element of {@code size} bytes (encoding and content). */
    private void skipBacklen(int size) {
        int width = size < 128 ? 1 : size < 16383 ? 2 : size < 2097151 ? 3 : size < 268435455 ? 4 : 5;
        require(width);
        at += width;
    }

    private static long signed(long value, int bits) {
        return value >= 1L << (bits - 1) ? value - (1L << bits) : value;
    }

    private static long checked(long length) {
        if (length > Integer.MAX_VALUE) {
            throw HashDump.malformed("a listpack string claims " + length + " bytes");
        }
        return length;
    }

    private int next() {
        require(1);
        return bytes[at++] & 0xff;
    }

    private long littleEndian(int width) {
        require(width);
        at += width;
        return HashDump.littleEndian(bytes, at - width, width);
    }

    private void require(int length) {
        if (length < 0 || length > end - at) {
            throw HashDump.malformed("a listpack element runs past its end");
        }
    }
}
