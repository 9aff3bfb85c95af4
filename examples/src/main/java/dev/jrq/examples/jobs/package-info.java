/**
 * The examples' jobs as JRQ handlers, under names Python RQ can enqueue too: the seed's
 * {@code test_job.i_am_a_job(arg)} returns its argument and {@code counter.visit()} counts a page visit in the
 * Redis key {@code count}; {@code email.send_welcome(address, name)} sends a mail through a {@code Mailer} that
 * Guice injects. Packaged with {@link dev.jrq.examples.mail} in {@code examples/target/jrq-examples.jar} for a
 * worker's {@code --path}.
 */
package dev.jrq.examples.jobs;
