/**
 * The JRQ client: connect to Redis ({@link dev.jrq.core.JrqClient}), enqueue and inspect jobs
 * ({@link dev.jrq.core.JobQueue}, {@link dev.jrq.core.Job}, {@link dev.jrq.core.JobRecord}), read registries and
 * workers, and the pieces a worker process needs ({@link dev.jrq.core.WorkerStore}). Also where providers are
 * discovered ({@link dev.jrq.core.JobHandlers}, {@link dev.jrq.core.Serializers}) and wired
 * ({@link dev.jrq.core.JrqCoreModule}). Everything is stored in RQ's own layout, so Python RQ shares the queues.
 */
package dev.jrq.core;
