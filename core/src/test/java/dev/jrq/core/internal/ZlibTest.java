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
}
