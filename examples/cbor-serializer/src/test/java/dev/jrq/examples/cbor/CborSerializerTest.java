package dev.jrq.examples.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.spi.Serializer;
import dev.jrq.core.SerializerContract;
import dev.jrq.core.Serializers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serializer contract every plugin passes, plus how a worker finds this one. */
class CborSerializerTest extends SerializerContract {
    private final CborSerializer serializer = new CborSerializer();

    @Override
    protected Serializer serializer() {
        return serializer;
    }

    @Test
    void discover_thisModulesServiceFile_findsCborBesideJson() {
        Serializers serializers = Serializers.discover(getClass().getClassLoader());

        assertThat(serializers.named("cbor")).isInstanceOf(CborSerializer.class);
        assertThat(serializers.named("json").name()).isEqualTo("json");
    }

    @Test
    void serialize_rqJobPayload_isBinaryCborNotJson() {
        byte[] bytes = serializer.serialize(List.of("test_job.i_am_a_job", Map.of("n", 1)));

        // why: 0x82 is CBOR's "array of two"; JSON would start with '['
        assertThat(bytes[0] & 0xff).isEqualTo(0x82);
    }
}
