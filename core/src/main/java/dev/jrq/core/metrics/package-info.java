/**
 * What every JRQ process shares for metrics: the Prometheus registry it records into and the small HTTP endpoint
 * ({@link dev.jrq.core.metrics.MetricsServer}) that serves it as Prometheus text on {@code /metrics}. Each
 * component binds its own meters (a Micrometer {@code MeterBinder}); tags stay bounded (queue, job name, outcome).
 */
package dev.jrq.core.metrics;
