/**
 * The two service-provider interfaces that users implement: {@link dev.jrq.api.spi.JobHandler} (the code a job
 * runs, found by its name) and {@link dev.jrq.api.spi.Serializer} (how job payloads, results and meta are turned
 * into bytes). Providers are listed in {@code META-INF/services} files and discovered with
 * {@link java.util.ServiceLoader}; handlers can also be bound with Guice.
 */
package dev.jrq.api.spi;
