/**
 * Handlers only the tests use (a slow job, a job that fails its first attempts), loaded by the worker jar with
 * {@code --path target/test-classes} next to the seed's jobs.
 */
package dev.jrq.examples.testjobs;
