/**
 * The JRQ scheduler: moves scheduled jobs ({@code enqueueAt}/{@code enqueueIn}, RQ's {@code enqueue_at}) from
 * {@code rq:scheduled:<q>} to their queue when due, and fires recurring cron and interval schedules. It runs as
 * its own process ({@link dev.jrq.scheduler.SchedulerMain}, {@code jrq-scheduler.jar}) or inside a worker
 * ({@code --with-scheduler}), through {@link dev.jrq.scheduler.Scheduler}. Any number may run: one holds each
 * queue's lock and moves its jobs, the others take over when it dies; every move and every tick is one atomic
 * script in core, so nothing is enqueued twice or lost.
 */
package dev.jrq.scheduler;
