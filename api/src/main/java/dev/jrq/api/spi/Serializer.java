package dev.jrq.api.spi;

/**
 * Turns the values of a job (its payload {@code [name, null, args, kwargs]}, its result, its meta) into bytes
 * and back. The built-in {@code json} serializer writes what RQ's {@code JSONSerializer} writes; a plugin lists
 * its class in {@code META-INF/services/dev.jrq.api.spi.Serializer} and is chosen by {@link #name()}.
 *
 * <pre>{@code
 * public final class CborSerializer implements Serializer {
 *     public String name() { return "cbor"; }
 *     public byte[] serialize(Object value) { ... }
 *     public Object deserialize(byte[] bytes) { ... }
 * }
 * }</pre>
 *
 * <p>Values are JSON-shaped: {@code null}, {@link String}, {@link Boolean}, {@link Number}, {@link java.util.List}
 * and {@link java.util.Map} with string keys, nested. Implementations are thread-safe.
 */
public interface Serializer {

    /** The name users select the serializer by, e.g. {@code json}. */
    String name();

    /**
     * The bytes for a JSON-shaped value.
     *
     * @throws dev.jrq.api.SerializationException when the value cannot be written
     */
    byte[] serialize(Object value);

    /**
     * The JSON-shaped value these bytes hold.
     *
     * @throws dev.jrq.api.SerializationException when the bytes are not in this serializer's format
     */
    Object deserialize(byte[] bytes);

    /**
     * The JSON-shaped value held by {@code length} bytes of {@code bytes} from {@code offset}, such as a job's
     * payload where the worker inflated it. The bytes are lent for the call only: an implementation reads them and
     * keeps no reference to the array. The default copies them for {@link #deserialize(byte[])}.
     *
     * @throws dev.jrq.api.SerializationException when the bytes are not in this serializer's format
     */
    default Object deserialize(byte[] bytes, int offset, int length) {
        return deserialize(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
    }
}
