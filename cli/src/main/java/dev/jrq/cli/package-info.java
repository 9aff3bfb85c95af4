/** The {@code jrq} command: one entry point for the worker, scheduler, dashboard and operator commands. */
package dev.jrq.cli;
