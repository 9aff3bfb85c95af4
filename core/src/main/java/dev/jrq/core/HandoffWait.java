package dev.jrq.core;

import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.Scripts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.queue.DequeMoveArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * An idle slot's wait for the next job of its one queue, with the job's start in the same round trip:
 * {@code BLMOVE} of the next id into the queue's hand-off list, and dequeue_handoff.lua, one pipeline that Redis
 * runs to its end the moment the move returns. A slot that has just finished a job sends that finish in front of
 * the same pipeline ({@link #finishThenWait}), so that a job arriving at an idle worker costs the worker one round
 * trip in all.
 *
 * <p>why: each round trip is a hand-off to Redisson's I/O thread and back, and at a low rate each hand-off is a
 * thread's sleep and wake-up; see docs/performance.md.
 */
final class HandoffWait {
    /** How much longer than its wait a hand-off batch may take to reply before it counts as lost. */
    private static final Duration REPLY_MARGIN = Duration.ofSeconds(5);

    private final JrqClient client;
    private final Duration lease;
    private final ClockOffset clockOffset;
    /** Whether Redis has {@code BLMOVE} (6.2 and later); cleared by the first call that finds it has not. */
    private volatile boolean supported = true;

    HandoffWait(JrqClient client, Duration lease) {
        this.client = client;
        this.lease = lease;
        this.clockOffset = new ClockOffset(client);
    }

    /** Measures how far the client's clock is from Redis's when the last measure is half a minute old. */
    void refreshClockOffset() {
        clockOffset.refresh();
    }

    /** Whether Redis is known to lack {@code BLMOVE}, so that slots wait with {@code BLPOP} instead. */
    boolean unsupported() {
        return !supported;
    }

    /**
     * Waits up to {@code block} (at least 1 s; Redisson sends {@code BLMOVE} whole seconds, the fraction dropped)
     * for the next job of {@code queue} and starts it.
     * Returns {@code null} when Redis has no {@code BLMOVE} (before 6.2).
     */
    WorkerStore.Take waitAndStart(String workerName, String queue, Duration block) throws InterruptedException {
        RBatch batch = batch(block);
        Wait wait = addWait(batch, workerName, queue, block);
        RedisException error = execute(batch, queue);
        return wait.take(error);
    }

    /**
     * Writes a slot's successes (the finish goes first, taking no job), then waits for its queue's next job and
     * starts it, as {@link #waitAndStart} does, in one round trip. The finish's outcome arrives with the wait's
     * reply: when a job arrives, or after {@code block}.
     */
    WorkerStore.FinishedThenTaken finishThenWait(String workerName, FinishManyCall finish, String queue,
                                                 Duration block) throws InterruptedException {
        RBatch batch = batch(block);
        RFuture<List<Object>> finished = client.scripts().addListToBatch(batch, LuaScript.FINISH_MANY, finish.codec(),
                finish.keys(), finish.args());
        Wait wait = addWait(batch, workerName, queue, block);
        RedisException error = execute(batch, queue);
        WorkerStore.Batch recorded = null;
        RuntimeException finishError = null;
        try {
            recorded = finish.read(reply(finished, error, LuaScript.FINISH_MANY, finish.keys(), finish.args()));
        } catch (RuntimeException e) {
            finishError = e;
        }
        WorkerStore.Take take = wait.take(error);
        return new WorkerStore.FinishedThenTaken(recorded == null ? null : recorded.recorded(), finishError,
                take == null ? WorkerStore.Take.NOTHING : take);
    }

    /** Puts ids left in a queue's hand-off list back at the front of the queue; see WorkerStore. */
    long returnHandedOff(String queue) {
        return client.scripts().runForLong(LuaScript.RETURN_HANDED_OFF,
                List.of(RqKeys.handoff(queue), RqKeys.queue(queue)));
    }

    private RBatch batch(Duration block) {
        return client.redis().createBatch(BatchOptions.defaults()
                // why: the move may wait for all of block; a resent move could take a second id
                .responseTimeout(block.plus(REPLY_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(0));
    }

    /** Adds the wait and the start behind it to the batch. */
    private Wait addWait(RBatch batch, String workerName, String queue, Duration block) {
        List<String> keys = List.of(RqKeys.worker(workerName), RqKeys.SUSPENDED, RqKeys.queue(queue),
                RqKeys.registry("wip", queue), RqKeys.handoff(queue));
        Object[] args = {RqKeys.JOB_PREFIX, lease.getSeconds(), workerName, queue,
                clockOffset.clientMinusRedisMicros()};
        RFuture<Object> moved = batch.getBlockingDeque(RqKeys.queue(queue), StringCodec.INSTANCE)
                .moveAsync(block, DequeMoveArgs.pollFirst().addLastTo(RqKeys.handoff(queue)));
        RFuture<List<Object>> started = client.scripts().addListToBatch(batch, LuaScript.DEQUEUE_HANDOFF, keys, args);
        return new Wait(workerName, keys, args, moved, started);
    }

    /** Sends the batch and waits for all its replies; returns the batch's error, {@code null} when none. */
    private static RedisException execute(RBatch batch, String queue) throws InterruptedException {
        try {
            batch.execute();
            return null;
        } catch (RedisException e) {
            if (Thread.interrupted()) {
                // why: as BLPOP's wait does; a job the start took meanwhile is leased, and the reaper moves it on
                throw new InterruptedException("interrupted while waiting for a job of " + queue);
            }
            return e;
        }
    }

    /** A script call's reply from the batch; see {@link Scripts#batchReply}. */
    private List<Object> reply(RFuture<List<Object>> future, RedisException batchError, LuaScript script,
                               List<String> keys, Object[] args) {
        return client.scripts().batchReply(future, batchError, script,
                () -> client.scripts().runForObjects(script, keys, args));
    }

    /** A wait added to a batch: its {@code BLMOVE} and the start behind it. */
    private final class Wait {
        private final String workerName;
        private final List<String> keys;
        private final Object[] args;
        private final RFuture<Object> moved;
        private final RFuture<List<Object>> started;

        Wait(String workerName, List<String> keys, Object[] args, RFuture<Object> moved,
             RFuture<List<Object>> started) {
            this.workerName = workerName;
            this.keys = keys;
            this.args = args;
            this.moved = moved;
            this.started = started;
        }

        /** The job started, nothing, or suspended; {@code null} when Redis has no {@code BLMOVE}. */
        WorkerStore.Take take(RedisException batchError) {
            Throwable moveError = moved.toCompletableFuture().handle((value, error) -> error).getNow(null);
            if (moveError != null && Scripts.says(moveError, "unknown command")) {
                supported = false;
                return null;
            }
            // why: on a NOSCRIPT, an id the move took meanwhile waits in the hand-off list for the start run alone
            List<Object> reply = reply(started, batchError, LuaScript.DEQUEUE_HANDOFF, keys, args);
            if (reply.isEmpty()) {
                return WorkerStore.Take.NOTHING;
            }
            if (reply.get(0) instanceof Number) {
                return WorkerStore.Take.SUSPENDED;
            }
            Instant startedAt = RqTime.ofEpochMicros(Long.parseLong(StartedJobs.text(reply.get(1))));
            boolean queueLeftEmpty = ((Number) reply.get(2)).longValue() == 0;
            String[] startFields = StartedJobs.startFields(workerName, RqTime.format(startedAt));
            return new WorkerStore.Take(StartedJobs.decodeOne(client, reply.get(0), startFields), false,
                    queueLeftEmpty);
        }
    }
}
