/**
 * Runnable examples: {@link dev.jrq.examples.Producer} does what the seed's {@code test.py} does (enqueue the
 * test job, wait, print its result), and {@link dev.jrq.examples.Demo} runs everything in one process against
 * whatever Redis it finds (or an embedded one).
 */
package dev.jrq.examples;
