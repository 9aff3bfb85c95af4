/**
 * A serializer plugin written against the serializer SPI ({@link dev.jrq.api.spi.Serializer}): {@link
 * dev.jrq.examples.cbor.CborSerializer}, named {@code cbor}, stores job payloads, results and meta as CBOR
 * through Jackson's CBOR data format. Its jar, {@code examples/cbor-serializer/target/jrq-cbor-serializer.jar},
 * holds this package, its {@code META-INF/services} entry and jackson-dataformat-cbor, and nothing else: put it on
 * a worker's {@code --path} and select it with {@code --serializer cbor}.
 */
package dev.jrq.examples.cbor;
