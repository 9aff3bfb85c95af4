package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class TakeReplyCodecTest {
    private static final String[] START = {"status", "started", "started_at", "2026-12-06T05:00:00.000001Z",
        "last_heartbeat", "2026-12-06T05:00:00.000001Z", "worker_name", "w1"};
    private static final byte[] PAYLOAD = {0x78, (byte) 0x9c, 0x01, 0x02, 0x03};

    private final TakeReplyCodec codec = new TakeReplyCodec(START);

    @Test
    void decode_twoStartedJobsInADirectBuffer_readWithTheStartFieldsSetAndTheBufferConsumed() throws IOException {
        byte[] reply = concat(started("low", "j1", "status", "queued", "data", PAYLOAD, "origin", "low",
                        "started_at", ""),
                started("low", "j2", "status", "queued", "origin", "low", "description", "Zoë"));
        ByteBuf buf = Unpooled.directBuffer(reply.length).writeBytes(reply);

        Object decoded = decode(buf);

        assertThat(buf.readableBytes()).isZero();
        List<PackedJobHash.Started> jobs = startedJobs(decoded);
        assertThat(jobs).extracting(PackedJobHash.Started::queue).containsExactly("low", "low");
        assertThat(jobs).extracting(PackedJobHash.Started::jobId).containsExactly("j1", "j2");
        assertThat(jobs.get(0).hash().text()).containsExactlyEntriesOf(ordered("status", "started", "origin", "low",
                "started_at", "2026-12-06T05:00:00.000001Z", "last_heartbeat", "2026-12-06T05:00:00.000001Z",
                "worker_name", "w1"));
        assertThat(jobs.get(1).hash().text()).containsEntry("description", "Zoë").containsEntry("status", "started")
                .containsEntry("worker_name", "w1").hasSize(6);
        assertThat(jobs.get(0).hash().data()).isEqualTo(PAYLOAD);
        assertThat(jobs.get(1).hash().hasData()).isFalse();
    }

    @Test
    void decode_payloadKeptApartFromTheBuffer_whichMayBeOverwrittenOnceRead() throws IOException {
        byte[] reply = started("low", "j1", "data", PAYLOAD, "origin", "low");
        ByteBuf heap = Unpooled.wrappedBuffer(reply);

        PackedJobHash hash = startedJobs(decode(heap)).get(0).hash();
        Arrays.fill(reply, (byte) 0);

        assertThat(hash.data()).isEqualTo(PAYLOAD);
        assertThat(hash.packed()).hasSize(PAYLOAD.length);
    }

    @Test
    void decode_aReplyLargerThanTheKeptCopy_readWhole() throws IOException {
        String description = "d".repeat(10_000);
        byte[] reply = concat(started("q", "j1", "description", description), started("q", "j2", "origin", "q"));

        List<PackedJobHash.Started> jobs = startedJobs(decode(Unpooled.directBuffer().writeBytes(reply)));

        assertThat(jobs.get(0).hash().text()).containsEntry("description", description);
        assertThat(jobs.get(1).jobId()).isEqualTo("j2");
    }

    @Test
    void decode_asciiStrings_bytesAsByteArrayCodecGivesThem() throws IOException {
        assertThat(decode(Unpooled.wrappedBuffer("101".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("101".getBytes(StandardCharsets.US_ASCII));
        assertThat(decode(Unpooled.buffer(0))).isEqualTo(new byte[0]);
    }

    @Test
    void decode_packedJobsCutShort_givenAsBytesForTheCallerToReport() throws IOException {
        byte[] reply = started("low", "j1", "status", "queued", "origin", "low");
        byte[] cut = Arrays.copyOf(reply, reply.length - 3);
        ByteBuf buf = Unpooled.directBuffer().writeBytes(cut);

        assertThat(decode(buf)).isEqualTo(cut);
        assertThat(buf.readableBytes()).isZero();
    }

    private Object decode(ByteBuf buf) throws IOException {
        return codec.getValueDecoder().decode(buf, null);
    }

    @SuppressWarnings("unchecked")
    private static List<PackedJobHash.Started> startedJobs(Object decoded) {
        assertThat(decoded).isInstanceOf(List.class);
        return (List<PackedJobHash.Started>) decoded;
    }

    /** A started job as lib/take.lua packs it: queue name, id, then the hash's fields and values. */
    private static byte[] started(String queue, String id, Object... fieldsAndValues) throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packString(queue).packString(id).packArrayHeader(fieldsAndValues.length);
            for (Object item : fieldsAndValues) {
                byte[] bytes = item instanceof byte[] raw ? raw : ((String) item).getBytes(StandardCharsets.UTF_8);
                packer.packRawStringHeader(bytes.length).writePayload(bytes);
            }
            return packer.toByteArray();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Map<String, String> ordered(String... fieldsAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return map;
    }
}
