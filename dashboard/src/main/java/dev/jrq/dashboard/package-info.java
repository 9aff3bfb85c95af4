/** The dashboard: web UI, JSON API, live updates over server-sent events, and Prometheus metrics. */
package dev.jrq.dashboard;
