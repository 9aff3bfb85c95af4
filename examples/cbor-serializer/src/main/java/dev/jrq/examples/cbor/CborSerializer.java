package dev.jrq.examples.cbor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.Serializer;
import java.io.IOException;

/**
 * The {@code cbor} serializer: job payloads, results and meta as CBOR (RFC 8949), a compact binary form of the
 * same JSON-shaped values. Found by {@link java.util.ServiceLoader} through this jar's
 * {@code META-INF/services/dev.jrq.api.spi.Serializer}.
 *
 * <pre>{@code
 * // producer
 * JrqClient client = JrqClient.connect(RedisConfig.fromEnvironment(), new CborSerializer(), Clock.systemUTC());
 * client.queue("default").enqueue("test_job.i_am_a_job", Map.of("name", "Ada"));
 * // worker
 * java -jar worker/target/jrq-worker.jar --serializer cbor \
 *     --path examples/cbor-serializer/target/jrq-cbor-serializer.jar:examples/target/jrq-examples.jar
 * }</pre>
 *
 * <p>Every process touching a queue must use the same serializer: Python RQ and JSON workers cannot read these
 * jobs (they see the job hash, not its arguments).
 */
public final class CborSerializer implements Serializer {
    /** The name to select this serializer by, e.g. {@code --serializer cbor}. */
    public static final String NAME = "cbor";

    // why: 0x80 (a Python pickle's first byte) is a whole CBOR value, an empty array; only the bytes after it
    // show that the input is not one CBOR value
    private static final ObjectMapper MAPPER = CBORMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] serialize(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write a " + value.getClass().getName() + " as CBOR: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new SerializationException("not CBOR (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }
}
