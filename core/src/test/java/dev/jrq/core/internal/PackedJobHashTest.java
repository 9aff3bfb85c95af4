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
