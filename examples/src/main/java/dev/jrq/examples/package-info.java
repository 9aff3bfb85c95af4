/**
 * Runnable examples: {@link dev.jrq.examples.Producer} does what the seed's {@code test.py} does (enqueue the
 * test job, wait, print its result); {@link dev.jrq.examples.PageVisitApp} is the seed's page-visit web app
 * ({@code GET /visit} enqueues {@code counter.visit}, {@code GET /} shows the count); {@link
 * dev.jrq.examples.Demo} runs everything in one process (a worker with the scheduler, the page-visit app, sample
 * jobs) against whatever Redis it finds, or an embedded one, until Ctrl-C.
 */
package dev.jrq.examples;
