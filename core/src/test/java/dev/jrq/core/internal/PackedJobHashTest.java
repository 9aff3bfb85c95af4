package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class PackedJobHashTest {
    @Test
    void unpack_hashAsCmsgpackPacksIt_textFieldsDataAndMetaApart() throws IOException {
        byte[] data = {0x78, (byte) 0x9c, 0x01, (byte) 0xff};
        byte[] packed = pack("status", "queued", "data", data, "description", "mails.send('Zoë')",
                "ended_at", "", "meta", "{\"n\": 1}", "exc_info", new byte[] {(byte) 0x80, 0x04},
                "a_field_of_rq_3", "kept");

        PackedJobHash hash = PackedJobHash.unpack(packed);

        assertThat(hash.text()).containsOnlyKeys("status", "description", "ended_at", "meta", "a_field_of_rq_3")
                .containsEntry("status", "queued").containsEntry("description", "mails.send('Zoë')")
                .containsEntry("ended_at", "").containsEntry("meta", "{\"n\": 1}")
                .containsEntry("a_field_of_rq_3", "kept");
        assertThat(hash.data()).isEqualTo(data);
        assertThat(hash.meta()).isEqualTo("{\"n\": 1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unpack_binValues_readAsStrings() throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(4);
            packer.packBinaryHeader(6).writePayload("origin".getBytes(StandardCharsets.UTF_8));
            packer.packBinaryHeader(3).writePayload("low".getBytes(StandardCharsets.UTF_8));
            packer.packString("data").packBinaryHeader(2).writePayload(new byte[] {1, 2});

            PackedJobHash hash = PackedJobHash.unpack(packer.toByteArray());

            assertThat(hash.text()).containsExactlyEntriesOf(java.util.Map.of("origin", "low"));
            assertThat(hash.data()).containsExactly(1, 2);
            assertThat(hash.meta()).isNull();
        }
    }

    @Test
    void unpack_notAPackedHash_saysSo() {
        assertThatThrownBy(() -> PackedJobHash.unpack("queued".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("a take's reply held no packed job hash");
    }

    @Test
    void unpack_withReplacedFields_replacesInPlaceAddsTheMissingAndStaysImmutable() throws IOException {
        byte[] packed = pack("status", "queued", "origin", "low", "started_at", "");

        PackedJobHash hash = PackedJobHash.unpack(packed, "status", "started", "started_at", "2026-12-05T14:00:00Z",
                "worker_name", "w1");

        assertThat(hash.text().keySet()).containsExactly("status", "origin", "started_at", "worker_name");
        assertThat(hash.text()).isEqualTo(java.util.Map.of("status", "started", "origin", "low", "started_at",
                "2026-12-05T14:00:00Z", "worker_name", "w1")).doesNotContainKey("ended_at");
        assertThat(hash.text().get("ended_at")).isNull();
        assertThat(hash.text().hashCode()).isEqualTo(new java.util.HashMap<>(hash.text()).hashCode());
        assertThatThrownBy(() -> hash.text().put("status", "finished"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void reader_queueIdAndHashOneAfterTheOther_asTakeLuaPacksAStartedJob() throws IOException {
        byte[] hash = pack("status", "queued", "origin", "low");
        byte[] queue = {(byte) 0xa3, 'l', 'o', 'w'};
        byte[] id = {(byte) 0xa2, 'j', '1'};
        byte[] started = new byte[queue.length + id.length + hash.length];
        System.arraycopy(queue, 0, started, 0, queue.length);
        System.arraycopy(id, 0, started, queue.length, id.length);
        System.arraycopy(hash, 0, started, queue.length + id.length, hash.length);

        PackedJobHash.Reader reader = PackedJobHash.reader(started);

        assertThat(reader.nextText()).isEqualTo("low");
        assertThat(reader.nextText()).isEqualTo("j1");
        assertThat(reader.nextHash("status", "started").text()).containsEntry("status", "started")
                .containsEntry("origin", "low").hasSize(2);
    }

    @Test
    void unpack_longValuesAndManyFields_readWhole() throws IOException {
        String str8 = "x".repeat(200);
        String str16 = "é".repeat(40_000);
        Object[] items = new Object[2 * 12];
        for (int i = 0; i < 10; i++) {
            items[2 * i] = "field_" + i;
            items[2 * i + 1] = "v" + i;
        }
        items[20] = "description";
        items[21] = str8;
        items[22] = "data";
        items[23] = str16.getBytes(StandardCharsets.UTF_8);

        PackedJobHash hash = PackedJobHash.unpack(pack(items));

        assertThat(hash.text()).hasSize(11).containsEntry("field_9", "v9").containsEntry("description", str8);
        assertThat(new String(hash.data(), StandardCharsets.UTF_8)).isEqualTo(str16);
    }

    @Test
    void unpack_cutShort_saysWhereItEnds() throws IOException {
        byte[] packed = pack("status", "queued", "description", "a description of some length");
        byte[] cut = java.util.Arrays.copyOf(packed, packed.length - 5);

        assertThatThrownBy(() -> PackedJobHash.unpack(cut)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a take's reply held no packed job hash: it ends at byte " + cut.length
                        + ", inside an item");
    }

    @Test
    void unpack_anItemThatIsNoString_saysWhichByte() {
        byte[] packed = {(byte) 0x92, (byte) 0xa1, 'a', 0x07};

        assertThatThrownBy(() -> PackedJobHash.unpack(packed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a take's reply held no packed job hash: item at byte 3 is 0x07, not a string");
    }

    @Test
    void reader_jobsOneAfterTheOther_equalValuesSharedDifferentOnesKept() throws IOException {
        byte[] first = pack("created_at", "2026-12-06T03:00:00.000001Z", "origin", "mail", "description", "Zoë",
                "enqueued_at", "2026-12-06T03:00:00.000001Z", "timeout", "180");
        byte[] second = pack("created_at", "2026-12-06T03:00:00.000002Z", "origin", "mail", "description", "Zoë",
                "enqueued_at", "2026-12-06T03:00:00.000001Z", "timeout", "18");
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        PackedJobHash.Reader reader = PackedJobHash.reader(both);
        JobFields one = reader.nextHash().text();
        JobFields two = reader.nextHash().text();

        assertThat(one).containsExactlyEntriesOf(orderedMap("created_at", "2026-12-06T03:00:00.000001Z",
                "origin", "mail", "description", "Zoë", "enqueued_at", "2026-12-06T03:00:00.000001Z",
                "timeout", "180"));
        assertThat(two).containsExactlyEntriesOf(orderedMap("created_at", "2026-12-06T03:00:00.000002Z",
                "origin", "mail", "description", "Zoë", "enqueued_at", "2026-12-06T03:00:00.000001Z",
                "timeout", "18"));
        assertThat(one.get("enqueued_at")).isSameAs(one.get("created_at"));
        assertThat(two.get("origin")).isSameAs(one.get("origin"));
        assertThat(two.get("enqueued_at")).isSameAs(one.get("created_at"));
    }

    private static java.util.Map<String, String> orderedMap(String... fieldsAndValues) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            map.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return map;
    }

    private static byte[] pack(Object... fieldsAndValues) throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packArrayHeader(fieldsAndValues.length);
            for (Object item : fieldsAndValues) {
                byte[] bytes = item instanceof byte[] raw ? raw : ((String) item).getBytes(StandardCharsets.UTF_8);
                packer.packRawStringHeader(bytes.length).writePayload(bytes);
            }
            return packer.toByteArray();
        }
    }
}
