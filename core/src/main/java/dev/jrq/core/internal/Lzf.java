package dev.jrq.core.internal;

/**
 * LZF decompression (liblzf's format, which Redis uses for the strings of its RDB dumps): a run of control bytes,
 * each a literal run (the next 1-32 bytes as they are) or a back reference (3-264 bytes copied from up to 8 KB
 * back in the output).
 */
final class Lzf {
    private Lzf() {
    }

    /**
     * Decompresses {@code source[from..from+length)} into {@code target[at..at+expected)}.
     *
     * @throws IllegalStateException when it does not decompress to exactly {@code expected} bytes
     */
    static void decompress(byte[] source, int from, int length, byte[] target, int at, int expected) {
        int in = from;
        int inEnd = from + length;
        int out = at;
        int outEnd = at + expected;
        while (in < inEnd) {
            int control = source[in++] & 0xff;
            if (control < 32) {
                int literal = control + 1;
                if (literal > inEnd - in || literal > outEnd - out) {
                    throw HashDump.malformed("an LZF literal run overruns");
                }
                System.arraycopy(source, in, target, out, literal);
                in += literal;
                out += literal;
                continue;
            }
            int copied = control >> 5;
            if (copied == 7) {
                if (in >= inEnd) {
                    throw HashDump.malformed("an LZF reference is cut short");
                }
                copied += source[in++] & 0xff;
            }
            if (in >= inEnd) {
                throw HashDump.malformed("an LZF reference is cut short");
            }
            int reference = out - ((control & 0x1f) << 8) - 1 - (source[in++] & 0xff);
            copied += 2;
            if (reference < at || copied > outEnd - out) {
                throw HashDump.malformed("an LZF reference points outside its output");
            }
            // why byte by byte: a reference may overlap what it writes (a run of one repeated byte)
            for (int i = 0; i < copied; i++) {
                target[out++] = target[reference++];
            }
        }
        if (out != outEnd) {
            throw HashDump.malformed("LZF gave " + (out - at) + " bytes, " + expected + " expected");
        }
    }
}
