/**
 * The contract between a JRQ user and the queue: the values that describe a job ({@link dev.jrq.api.JobRequest},
 * {@link dev.jrq.api.JobOptions}, {@link dev.jrq.api.JobStatus}), what a running handler sees
 * ({@link dev.jrq.api.JobContext}) and the exceptions JRQ throws. Nothing here knows about Redis, JSON or
 * dependency injection; the {@code core} module implements it.
 */
package dev.jrq.api;
