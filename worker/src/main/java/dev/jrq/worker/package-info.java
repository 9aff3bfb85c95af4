/**
 * The worker process: {@link dev.jrq.worker.WorkerMain} parses the command line, {@link dev.jrq.worker.Worker}
 * registers one RQ worker per slot, runs {@code concurrency} slots that each take a job, run its handler behind a
 * guard and record the outcome, renews every lease in one batched heartbeat, and stops warmly on SIGTERM.
 */
package dev.jrq.worker;
