package dev.jrq.core;

import dev.jrq.api.spi.Serializer;

class JsonSerializerContractTest extends SerializerContract {
    private final JsonSerializer serializer = new JsonSerializer();

    @Override
    protected Serializer serializer() {
        return serializer;
    }
}
