package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ZlibTest {
    /** The reference's example (section iv): the JSON RQ writes for {@code q.enqueue(rqjobs.add, 2, 3)}. */
    private static final byte[] JSON = "[\"rqjobs.add\", null, [2, 3], {}]".getBytes(StandardCharsets.UTF_8);
    /** What Python's {@code zlib.compress} made of it (40 bytes). */
    private static final byte[] PYTHON_ZLIB = HexFormat.of()
            .parseHex("789c8b562a2accca4f2ad64b4c4951d251c82bcdc9d1518836d251308ed551a8ae8d0500aaf809e5");

    @Test
    void compress_referenceJson_givesPythonsBytes() {
        byte[] compressed = Zlib.compress(JSON);
        assertThat(compressed).startsWith(0x78, 0x9c).isEqualTo(PYTHON_ZLIB);
    }

    @Test
    void decompressOrKeep_pythonZlib_givesTheJson() {
        assertThat(Zlib.decompressOrKeep(PYTHON_ZLIB)).isEqualTo(JSON);
    }

    @Test
    void decompressOrKeep_largeCompressedText_roundTrips() {
        byte[] text = "0123456789abcdefghij".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        assertThat(Zlib.decompressOrKeep(Zlib.compress(text))).isEqualTo(text);
    }

    @Test
    void decompressOrKeep_aLargeThenASmallPayload_eachExact() {
        byte[] large = new byte[3 * 1024 * 1024]; // why: past the 1 MiB buffer a thread keeps
        new java.util.Random(7).nextBytes(large);
        byte[] small = "{\"args\": [1]}".getBytes(StandardCharsets.UTF_8);

        assertThat(Zlib.decompressOrKeep(Zlib.compress(small))).isEqualTo(small);
        assertThat(Zlib.decompressOrKeep(Zlib.compress(large))).isEqualTo(large);
        assertThat(Zlib.decompressOrKeep(Zlib.compress(small))).isEqualTo(small);
        assertThat(Zlib.decompressOrKeep(Zlib.compress(java.util.Arrays.copyOf(large, 600_000))))
                .isEqualTo(java.util.Arrays.copyOf(large, 600_000));
    }

    @Test
    void decompressOrKeep_aSliceOfALargerArray_inflatesOnlyTheSliceOrKeepsIt() {
        byte[] json = "{\"args\": [1]}".getBytes(StandardCharsets.UTF_8);
        byte[] zlib = Zlib.compress(json);
        byte[] around = new byte[zlib.length + 7];
        System.arraycopy(zlib, 0, around, 3, zlib.length);

        assertThat(Zlib.decompressOrKeep(around, 3, zlib.length)).isEqualTo(json);
        assertThat(Zlib.decompressOrKeep(json, 2, 5)).isEqualTo(java.util.Arrays.copyOfRange(json, 2, 7));
    }

    @Test
    void decompressOrKeep_uncompressedBytes_areKeptAsGiven() {
        assertThat(Zlib.decompressOrKeep(JSON)).isEqualTo(JSON);
        assertThat(Zlib.decompressOrKeep(new byte[0])).isEmpty();
    }

    @Test
    void decompressOrKeep_truncatedStream_isKeptAsGiven() {
        byte[] truncated = java.util.Arrays.copyOf(PYTHON_ZLIB, 20);
        assertThat(Zlib.decompressOrKeep(truncated)).isEqualTo(truncated);
    }

    @Test
    void compressAndDecompress_reusedAfterBadInput_stillExact() {
        for (int i = 0; i < 20; i++) {
            Zlib.decompressOrKeep(java.util.Arrays.copyOf(PYTHON_ZLIB, 20));
            Zlib.decompressOrKeep(JSON);
            assertThat(Zlib.compress(JSON)).isEqualTo(PYTHON_ZLIB);
            assertThat(Zlib.decompressOrKeep(PYTHON_ZLIB)).isEqualTo(JSON);
        }
    }

    @Test
    void compress_incompressibleBytes_roundTrip() {
        byte[] noise = new byte[100_000];
        new java.util.Random(3).nextBytes(noise);
        assertThat(Zlib.decompressOrKeep(Zlib.compress(noise))).isEqualTo(noise);
    }

    @Test
    void compress_jobPayloadsUpToWhereDynamicCodesWin_givesZlibsOwnBytes() {
        java.util.Random random = new java.util.Random(42);
        String[] names = {"bench.noop", "app.tasks.send_email", "counter.visit", "test_job.i_am_a_job", "x"};
        int literalPathTaken = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = generatedPayload(random, names).getBytes(StandardCharsets.UTF_8);
            if (LiteralZlib.suits(payload)) {
                literalPathTaken++;
            }
            assertThat(Zlib.compress(payload)).as("payload %s", new String(payload, StandardCharsets.UTF_8))
                    .isEqualTo(zlibsOwn(payload));
        }
        assertThat(literalPathTaken).as("payloads written without zlib").isGreaterThan(5_000);
    }

    @Test
    void compress_shortInputsOfFewDistinctBytes_inflateBackExactly() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(LiteralZlib.MAX_LENGTH + 1)];
            int distinct = 1 + random.nextInt(6);
            for (int j = 0; j < input.length; j++) {
                input[j] = (byte) ('0' + random.nextInt(distinct));
            }
            assertThat(inflated(Zlib.compress(input))).isEqualTo(input);
        }
    }

    @Test
    void compress_emptyAndNonAsciiInputs_giveZlibsOwnBytes() {
        for (String text : new String[] {"", "[]", "[\"mail.send\", null, [\"Zoë\"], {}]", "{\"a\": 1}"}) {
            byte[] input = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Zlib.compress(input)).as(text).isEqualTo(zlibsOwn(input));
        }
    }

    private static String generatedPayload(java.util.Random random, String[] names) {
        StringBuilder json = new StringBuilder("[\"").append(names[random.nextInt(names.length)]).append("\", null, [");
        int args = random.nextInt(4);
        for (int j = 0; j < args; j++) {
            json.append(j > 0 ? ", " : "");
            switch (random.nextInt(5)) {
                case 0 -> json.append(random.nextInt(100_000));
                case 1 -> json.append("\"u").append(random.nextInt(1000)).append("@ex.com\"");
                case 2 -> json.append(random.nextBoolean());
                case 3 -> json.append("null");
                default -> json.append(random.nextDouble());
            }
        }
        json.append("], {");
        if (random.nextInt(4) == 0) {
            json.append("\"k\": ").append(random.nextInt(100));
        }
        return json.append("}]").toString();
    }

    private static byte[] zlibsOwn(byte[] input) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] out = new byte[input.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                length += deflater.deflate(out, length, out.length - length);
            }
            return java.util.Arrays.copyOf(out, length);
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflated(byte[] zlib) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(zlib);
            byte[] out = new byte[LiteralZlib.MAX_LENGTH + 1];
            int length = inflater.inflate(out);
            assertThat(inflater.finished()).as("a whole zlib stream, checksum included").isTrue();
            return java.util.Arrays.copyOf(out, length);
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError("not a zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    @Test
    void inflateThenRead_zlib_lendsExactlyTheInflatedBytes() {
        String read = Zlib.inflateThenRead(PYTHON_ZLIB, 0, PYTHON_ZLIB.length,
                (bytes, offset, length) -> new String(bytes, offset, length, StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(new String(JSON, StandardCharsets.UTF_8));
    }

    @Test
    void inflateThenRead_notZlib_lendsTheSliceAsGiven() {
        byte[] around = "xx[1, 2]yy".getBytes(StandardCharsets.UTF_8);
        Object[] lent = new Object[3];
        Zlib.inflateThenRead(around, 2, 6, (bytes, offset, length) -> {
            lent[0] = bytes;
            lent[1] = offset;
            lent[2] = length;
            return null;
        });
        assertThat(lent).containsExactly(around, 2, 6);
    }

    @Test
    void inflateThenRead_aReaderThatInflatesToo_keepsItsOwnBytesWhole() {
        byte[] inner = Zlib.compress("inner ".repeat(3_000).getBytes(StandardCharsets.UTF_8));
        String outer = Zlib.inflateThenRead(PYTHON_ZLIB, 0, PYTHON_ZLIB.length, (bytes, offset, length) -> {
            int innerLength = Zlib.inflateThenRead(inner, 0, inner.length, (b, o, l) -> l);
            return innerLength + ":" + new String(bytes, offset, length, StandardCharsets.UTF_8);
        });
        assertThat(outer).isEqualTo(18_000 + ":" + new String(JSON, StandardCharsets.UTF_8));
    }
}
