/**
 * The {@code jrq} command: one entry point for the worker, scheduler and dashboard processes (their own picocli
 * commands, so their options are those of their jars) and for the operator commands of RQ's CLI ({@code info},
 * {@code enqueue} with RQ's argument syntax, {@code empty}, {@code requeue}, {@code suspend}, {@code resume}) plus
 * {@code job} and {@code cancel}. Each command is one class that composes core's public API; Redis is found through
 * the same {@code --url} / {@code JRQ_REDIS_URL} / {@code --redis-config} everywhere. A user error ends with exit
 * code 1 and one line on stderr, a usage error with 2; long operations report progress on stderr.
 */
package dev.jrq.cli;
