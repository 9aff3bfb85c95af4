/**
 * The dashboard: a Javalin server ({@link dev.jrq.dashboard.DashboardServer}) over one
 * {@link dev.jrq.core.JrqClient} that serves the front end from the jar, a JSON API for reads and actions
 * ({@code /api/...}), live updates as server-sent events fed by one shared polling loop, and {@code /metrics} in
 * Prometheus text with rq-exporter's families. Every route is behind the same security filter (basic auth and/or a
 * bearer token, CSRF checks and the read-only mode for actions); routes are grouped by concern (read, action,
 * events, metrics, static files). It reads and writes Redis only through core's read models and admin operations.
 */
package dev.jrq.dashboard;
