/**
 * The seed's jobs as JRQ handlers, under the seed's names so Python RQ can enqueue them:
 * {@code test_job.i_am_a_job(arg)} returns its argument, {@code counter.visit()} counts a page visit in the
 * Redis key {@code count}. Packaged alone in {@code examples/target/jrq-examples.jar} for a worker's {@code --path}.
 */
package dev.jrq.examples.jobs;
