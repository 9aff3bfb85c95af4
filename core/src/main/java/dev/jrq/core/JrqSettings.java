package dev.jrq.core;

import java.util.Objects;

/**
 * What a JRQ process is told at start-up: where Redis is, which serializer to use, and the class loader holding
 * plugin jars (handlers and serializers added with {@code --path}).
 *
 * @param redis          where Redis is
 * @param serializerName the serializer's name, {@code json} by default
 * @param pluginLoader   where {@link java.util.ServiceLoader} looks for providers
 */
public record JrqSettings(RedisConfig redis, String serializerName, ClassLoader pluginLoader) {

    public JrqSettings {
        Objects.requireNonNull(redis, "redis");
        serializerName = serializerName == null ? JsonSerializer.NAME : serializerName;
        pluginLoader = pluginLoader == null ? JrqSettings.class.getClassLoader() : pluginLoader;
    }

    /** Redis as given, JSON, and the application's own class path. */
    public static JrqSettings of(RedisConfig redis) {
        return new JrqSettings(redis, null, null);
    }
}
