package dev.jrq.core;

import dev.jrq.api.SerializationException;
import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.TakeReplyCodec;
import dev.jrq.core.internal.JobCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.Entry;
import org.redisson.api.RBatch;
import org.redisson.api.RBlockingQueue;
import org.redisson.client.codec.StringCodec;

/**
 * What a worker process does in Redis: register its slots as RQ workers, take jobs, record their outcome, and
 * renew its leases. Each step is one round trip.
 *
 * <p>Round trips per job: a slot's successes are written, and its next jobs taken (popped, started, leased,
 * their hashes returned), in one call ({@link #finishMany}); a slot running short jobs takes several at once, so
 * a job costs a fraction of a round trip, and a slot running long ones one round trip per job. When the queues
 * are empty the slot waits in Redis: on one queue, {@code BLMOVE} of the next id into the queue's hand-off list
 * with the start pipelined behind it (one round trip), and a slot whose last job was the last one queued sends that
 * job's finish in front of the same pipeline ({@link #finishThenWait}); on several, {@code BLPOP} and then the start
 * of the popped id with the dequeue script (two). Heartbeats: 1 per worker process per interval, for all its slots
 * and running jobs together.
 */
public final class WorkerStore {
    /** How long a lease in {@code rq:wip:<q>} lasts unless renewed, by default. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** The largest result stored, as base64 characters (RQ has no limit; a huge result would stall Redis). */
    public static final int MAX_RESULT_CHARS = 16 * 1024 * 1024;
    /** How long a worker hash lives unless its heartbeat renews it. */
    public static final Duration WORKER_TTL = Duration.ofSeconds(60);

    private final JrqClient client;
    private final Duration lease;
    private final HandoffWait handoff;

    WorkerStore(JrqClient client, Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a lease must last at least 1 s; was " + lease);
        }
        this.client = client;
        this.lease = lease;
        this.handoff = new HandoffWait(client, lease);
    }

    /** How long a job's lease lasts unless the heartbeat renews it. */
    public Duration lease() {
        return lease;
    }

    /**
     * Registers a worker slot as RQ does at birth ({@code rq:workers}, {@code rq:workers:<q>}, its hash with
     * {@code birth}, {@code last_heartbeat} and {@code queues} plus the given fields, e.g. pid and hostname).
     */
    public void register(String workerName, List<String> queues, Map<String, String> fields) {
        List<Object> args = new ArrayList<>(List.of(RqKeys.worker(workerName), WORKER_TTL.toSeconds()));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("birth", now());
        all.put("last_heartbeat", now());
        all.put("queues", String.join(",", queues));
        all.putAll(fields);
        all.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        client.scripts().runForLong(LuaScript.REGISTER_WORKER, workerKeys(workerName, queues), args.toArray());
    }

    /** Records a worker slot's death: out of the worker sets, {@code death} set, hash kept for 60 s. */
    public void unregister(String workerName, List<String> queues) {
        client.scripts().runForLong(LuaScript.UNREGISTER_WORKER, workerKeys(workerName, queues),
                RqKeys.worker(workerName), now());
    }

    /** Sets a worker slot's {@code state} field ({@code idle}, {@code busy}, {@code suspended}, ...). */
    public void setState(String workerName, String state) {
        client.redis().getMap(RqKeys.worker(workerName), StringCodec.INSTANCE).fastPut("state", state);
    }

    /**
     * Takes the next job from the queues in priority order and marks it started, blocking up to {@code block}
     * when all are empty.
     *
     * @return the job, or {@link Take#NOTHING} when nothing arrived in time, or {@link Take#SUSPENDED} when
     *         workers are suspended ({@code rq suspend})
     */
    public Take take(String workerName, List<String> queues, Duration block) throws InterruptedException {
        return take(workerName, queues, block, false);
    }

    /**
     * Takes the next job as {@link #take(String, List, Duration)} does; with {@code seenEmpty} (the slot's last
     * finish found every queue empty a moment ago) it goes straight to the blocking wait, saving a round trip per
     * job when jobs arrive one at a time. A job pushed in between is in the list, so the wait returns it at once.
     */
    public Take take(String workerName, List<String> queues, Duration block, boolean seenEmpty)
            throws InterruptedException {
        Take take = seenEmpty ? Take.NOTHING : start(workerName, queues, "", 0);
        if (take != Take.NOTHING || block.isZero()) {
            return take;
        }
        if (waitsByHandOff(queues, block)) {
            Take handedOff = handoff.waitAndStart(workerName, queues.get(0), block);
            if (handedOff != null) {
                return handedOff;
            }
        }
        List<String> queueKeys = queues.stream().map(RqKeys::queue).toList();
        String[] popped = blockingPop(queueKeys, block);
        if (popped == null) {
            return Take.NOTHING;
        }
        // why: between BLPOP and this call the id is only in this process; the lease begins with the script.
        return start(workerName, queues, popped[1], queueKeys.indexOf(popped[0]) + 1);
    }

    /**
     * Measures how far this client's clock is from Redis's (three round trips), unless it did in the last half
     * minute, for a worker whose slots wait {@code block} on {@code queues}. A slot waiting by hand-off has its start
     * stamped with Redis's clock moved by that offset; a worker calls this from a timer, so that no slot's wait has
     * to measure on its way (a wait does when no measure is under a minute old). A slot that waits otherwise (with
     * {@code BLPOP}, on several queues or for under a second) stamps with its own clock: nothing is measured then.
     */
    public void refreshClockOffset(List<String> queues, Duration block) {
        if (waitsByHandOff(queues, block)) {
            handoff.refreshClockOffset();
        }
    }

    /**
     * Puts ids left in a queue's hand-off list back at the front of the queue (a slot's client went away between
     * its {@code BLMOVE} and the start behind it); the reaper calls it.
     *
     * @return how many were put back
     */
    public long returnHandedOff(String queue) {
        return handoff.returnHandedOff(queue);
    }

    /** {@code BLPOP} on the queues: {key, id}, or {@code null} when nothing came within {@code block}. */
    private String[] blockingPop(List<String> queueKeys, Duration block) throws InterruptedException {
        RBlockingQueue<String> first = client.redis().getBlockingQueue(queueKeys.get(0), StringCodec.INSTANCE);
        Entry<String, String> popped = first.pollFromAnyWithName(block,
                queueKeys.subList(1, queueKeys.size()).toArray(String[]::new));
        return popped == null ? null : new String[] {popped.getKey(), popped.getValue()};
    }

    /**
     * Records a success: status finished, result entry, finished registry, TTLs, dependents released. Returns
     * false when the job's lease was no longer this worker's, and nothing about the job was written. The slot's
     * RQ counters are not written per job: the worker adds them with its heartbeat ({@link SlotCounts}).
     */
    public boolean finishSuccess(String workerName, ClaimedJob job, Object returnValue) {
        return finishMany(workerName, List.of(new Success(job, encodeResult(returnValue))), List.of(), 0, false)
                .recorded().get(0);
    }

    /**
     * A job's return value as its result is stored (base64 of the serialized value, '' for none).
     *
     * @throws SerializationException when the serializer cannot store it, or it is over {@link #MAX_RESULT_CHARS}
     */
    public String encodeResult(Object returnValue) {
        String encoded = client.codec().encodeReturnValue(returnValue);
        if (encoded.length() > MAX_RESULT_CHARS) {
            throw new SerializationException("the result is " + encoded.length() / 1024 + " KiB once encoded, over "
                    + "the limit of " + MAX_RESULT_CHARS / 1024 / 1024 + " MiB; store big results elsewhere and "
                    + "return a reference");
        }
        return encoded;
    }

    /**
     * Records a slot's successes and takes up to {@code wanted} next jobs for it, in one round trip and one script
     * call: each success is written as {@link #finishSuccess} writes one (fenced the same way), then jobs are taken
     * from {@code takeQueues} in that order and started for the slot. A slot running short jobs takes several at
     * once and records them together, so that its cost per job is a fraction of a call.
     *
     * @param successes      the jobs to record as finished, with their results ({@link #encodeResult})
     * @param takeQueues     the queues to take from, in order (ignored when {@code wanted} is 0)
     * @param wanted         how many jobs to take, 0 for none
     * @param slotStillBusy  true to leave the slot's hash as it is (the slot still runs jobs it holds); false to
     *                       show it busy with the first job taken, or idle when none was
     */
    public Batch finishMany(String workerName, List<Success> successes, List<String> takeQueues, int wanted,
                            boolean slotStillBusy) {
        return finishMany(workerName, successes, takeQueues, wanted, slotStillBusy, false);
    }

    /**
     * {@link #finishMany(String, List, List, int, boolean)}, taking the jobs from the queues in priority order (all
     * it can from the first, then the next), or, with {@code rotate}, one from each queue in turn, as RQ's
     * {@code round_robin} and {@code random} strategies take one job per search.
     */
    public Batch finishMany(String workerName, List<Success> successes, List<String> takeQueues, int wanted,
                            boolean slotStillBusy, boolean rotate) {
        FinishManyCall call = new FinishManyCall(client, lease, workerName, successes, takeQueues, wanted,
                slotStillBusy, rotate);
        // why: the slots of a worker finish at the same moment; their calls share one batch (group commit)
        return call.read(client.scripts().runCombinedForObjects(LuaScript.FINISH_MANY, call.codec(), call.keys(),
                call.args()));
    }

    /**
     * Writes a slot's successes, taking no job, then waits up to {@code block} for the next job of {@code queue}
     * and starts it, all in one round trip (one pipeline): for a slot of a one-queue worker whose last take left the
     * queue empty ({@link Take#queueLeftEmpty()}), so that a job reaching an idle worker costs one round trip, not
     * one for its finish and one for the next wait. The successes are written at once, as {@link #finishMany}
     * writes them; their flags arrive with the wait's reply, when a job arrives or after {@code block}.
     *
     * @param block how long to wait: at least 1 s for one round trip (Redisson gives {@code BLMOVE} whole seconds);
     *              a shorter wait, or a Redis without {@code BLMOVE}, gets a finish and then a wait
     * @throws InterruptedException when the thread is interrupted during the wait: the successes were sent, and
     *                              may or may not have been written
     */
    public FinishedThenTaken finishThenWait(String workerName, List<Success> successes, String queue, Duration block)
            throws InterruptedException {
        if (!waitsByHandOff(List.of(queue), block)) {
            // why: Redis has no BLMOVE (found by a wait), or the wait is too short for it: a finish, then a wait
            Batch finished = finishMany(workerName, successes, List.of(), 0, false);
            return new FinishedThenTaken(finished.recorded(), null, take(workerName, List.of(queue), block, true));
        }
        FinishManyCall finish = new FinishManyCall(client, lease, workerName, successes, List.of(), 0, false, false);
        return handoff.finishThenWait(workerName, finish, queue, block);
    }

    /**
     * Whether a slot waits {@code block} on {@code queues} by hand-off ({@code BLMOVE} and the start behind it,
     * {@link HandoffWait}): on one queue, for a second or more, when Redis has {@code BLMOVE}.
     */
    private boolean waitsByHandOff(List<String> queues, Duration block) {
        // why: Redisson gives BLMOVE whole seconds, and 0 would wait for ever; shorter waits go through BLPOP
        return queues.size() == 1 && !handoff.unsupported() && block.compareTo(Duration.ofSeconds(1)) >= 0;
    }

    /**
     * What {@link #finishThenWait} did.
     *
     * @param recorded    per success, in order, whether it was written ({@link Batch#recorded()}); {@code null} when
     *                    the finish failed ({@code finishError}), and the successes are to be written again
     * @param finishError why the finish failed, {@code null} when it did not
     * @param take        the job the wait took and started, nothing, or suspended
     */
    public record FinishedThenTaken(List<Boolean> recorded, RuntimeException finishError, Take take) {
    }

    /**
     * A success for {@link #finishMany}.
     *
     * @param encodedResult the return value as {@link #encodeResult} gave it
     */
    public record Success(ClaimedJob job, String encodedResult) {
    }

    /**
     * What {@link #finishMany} did.
     *
     * @param recorded  per success, in order: whether it was written (false: fenced off, see {@link #finishSuccess})
     * @param taken     the jobs taken for the slot, already started, in the order taken
     * @param suspended whether workers are suspended ({@code rq suspend}), so that no job was taken
     */
    public record Batch(List<Boolean> recorded, List<ClaimedJob> taken, boolean suspended) {
    }

    /**
     * Gives back jobs a slot took ({@link #finishMany}) but never began: each goes back to the front of its queue in
     * the order given, queued again as before its start. Jobs no longer leased to the slot are left alone.
     *
     * @return how many jobs were given back
     */
    public int giveBack(String workerName, List<ClaimedJob> jobs) {
        if (jobs.isEmpty()) {
            return 0;
        }
        List<String> queues = jobs.stream().map(ClaimedJob::queue).distinct().toList();
        List<String> keys = new ArrayList<>(1 + 2 * queues.size());
        keys.add(RqKeys.QUEUES);
        for (String queue : queues) {
            keys.add(RqKeys.queue(queue));
            keys.add(RqKeys.registry("wip", queue));
        }
        List<Object> args = new ArrayList<>(2 + 2 * jobs.size());
        args.add(workerName);
        args.add(RqKeys.JOB_PREFIX);
        for (ClaimedJob job : jobs) {
            args.add(job.jobId());
            args.add(queues.indexOf(job.queue()) + 1);
        }
        return (int) client.scripts().runForLong(LuaScript.GIVE_BACK, keys, args.toArray());
    }

    /**
     * Records a failed attempt with its error text (a stack trace): retried when the job has retries left, failed
     * otherwise. {@link FailureOutcome#FENCED} when the job's lease was no longer this worker's.
     */
    public FailureOutcome finishFailure(String workerName, ClaimedJob job, String error, Duration workingTime) {
        return fail(workerName, job.queue(), job.jobId(), error, workingTime, "worker", "failed");
    }

    /**
     * Records a job stopped on a user's request (RQ's {@code stop-job}): status {@code stopped}, in the failed
     * registry, never retried, with RQ's message in its result.
     */
    public FailureOutcome finishStopped(String workerName, ClaimedJob job, Duration workingTime) {
        return fail(workerName, job.queue(), job.jobId(), "Job stopped by user, work-horse terminated.", workingTime,
                "worker", "stopped");
    }

    /**
     * Puts a running job back at the front of its queue (a cold shutdown), its interrupted attempt recorded in
     * its results. False when the job was no longer this worker's.
     */
    public boolean requeueRunning(String workerName, ClaimedJob job, String reason) {
        String id = job.jobId();
        List<String> keys = List.of(RqKeys.job(id), RqKeys.results(id), RqKeys.registry("wip", job.queue()),
                RqKeys.queue(job.queue()), RqKeys.QUEUES, RqKeys.worker(workerName));
        return client.scripts().runForLong(LuaScript.REQUEUE_RUNNING, keys, id, workerName,
                RqTime.format(client.clock().instant()), RqKeys.queue(job.queue()), JobCodec.encodeError(reason)) == 1;
    }

    /**
     * Records on the job why its callback failed ({@code jrq_callback_error}); nothing when the job is gone (a
     * result TTL of zero deletes it on success).
     */
    public void recordCallbackError(String jobId, String error) {
        org.redisson.api.RMap<String, String> job = client.redis().getMap(RqKeys.job(jobId), StringCodec.INSTANCE);
        if (job.isExists()) {
            job.fastPut("jrq_callback_error", error);
        }
    }

    /** Saves a job's meta now (RQ's {@code job.save_meta()}), serialized as the job's other values are. */
    public void saveMeta(String jobId, Map<String, Object> meta) {
        client.redis().<String, byte[]>getMap(RqKeys.job(jobId), JrqClient.HASH_CODEC)
                .fastPut("meta", client.serializer().serialize(meta));
    }

    /**
     * Listens on RQ's command channels {@code rq:pubsub:<w>} of the given worker slots: {@code shutdown},
     * {@code stop-job} (with {@code job_id}) and {@code kill-horse}, as Python's {@code send_*_command} sends them.
     * Close the returned handle to stop listening.
     */
    public AutoCloseable onCommands(List<String> workerNames, java.util.function.Consumer<WorkerCommand> listener) {
        List<org.redisson.api.RTopic> topics = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (String workerName : workerNames) {
            org.redisson.api.RTopic topic = client.redis().getTopic(RqKeys.workerCommands(workerName),
                    StringCodec.INSTANCE);
            ids.add(topic.addListener(String.class, (channel, message) ->
                    WorkerCommand.parse(workerName, message).ifPresent(listener)));
            topics.add(topic);
        }
        return () -> {
            for (int i = 0; i < topics.size(); i++) {
                topics.get(i).removeListener(ids.get(i));
            }
        };
    }

    /**
     * Fails (or retries, when it has retries left) every job of {@code queue} whose lease has run out: its worker
     * died, hung, or lost Redis. Each job is booked once, whichever workers reap at the same time.
     *
     * @return how many jobs were reaped
     */
    public int reapExpiredLeases(String reaperName, String queue) {
        Instant now = client.clock().instant();
        Collection<String> expired = client.redis().<String>getScoredSortedSet(RqKeys.registry("wip", queue),
                StringCodec.INSTANCE).valueRange(Double.NEGATIVE_INFINITY, true, now.getEpochSecond(), true, 0, 100);
        int reaped = 0;
        for (String jobId : expired) {
            String error = "dev.jrq.AbandonedJobError: the job's lease ran out (its worker died, hung or lost "
                    + "Redis); moved on by the reaper of " + reaperName + " at " + RqTime.format(now);
            if (fail(reaperName, queue, jobId, error, Duration.ZERO, "reap", "failed") != FailureOutcome.FENCED) {
                reaped++;
            }
        }
        return reaped;
    }

    /**
     * RQ's registry maintenance, at most once per 899 s per queue across all workers (RQ's
     * {@code rq:clean_registries:<q>} lock): drops finished and failed entries whose time has passed.
     *
     * @return how many entries were dropped, 0 when another worker holds the lock
     */
    public long cleanRegistries(String queue) {
        boolean ours = client.redis().getBucket(RqKeys.cleanRegistriesLock(queue), StringCodec.INSTANCE)
                .setIfAbsent("1", Duration.ofSeconds(899));
        if (!ours) {
            return 0;
        }
        JobQueue jobs = client.queue(queue);
        return jobs.registry(RegistryType.FINISHED).cleanup() + jobs.registry(RegistryType.FAILED).cleanup();
    }

    private FailureOutcome fail(String workerName, String queue, String jobId, String error, Duration workingTime,
                                String mode, String endStatus) {
        Instant now = client.clock().instant();
        List<String> keys = List.of(RqKeys.job(jobId), RqKeys.results(jobId), RqKeys.registry("wip", queue),
                RqKeys.registry("failed", queue), RqKeys.worker(workerName), RqKeys.queue(queue),
                RqKeys.registry("scheduled", queue), RqKeys.QUEUES, RqKeys.jobDependents(jobId), RqKeys.JRQ_STATS);
        List<Object> args = new ArrayList<>(List.of(jobId, workerName, RqTime.format(now), now.getEpochSecond(),
                JobCodec.DEFAULT_FAILURE_TTL_SECONDS, JobCodec.encodeError(error), seconds(workingTime), mode,
                java.util.concurrent.ThreadLocalRandom.current().nextDouble(), RqKeys.queue(queue), endStatus));
        args.addAll(RqKeys.dependentsLayout());
        args.add(queue);
        long outcome = client.scripts().runForLong(LuaScript.FINISH_FAILURE, keys, args.toArray());
        return FailureOutcome.values()[(int) outcome];
    }

    /** What became of a failed attempt. */
    public enum FailureOutcome {
        /** Nothing written: the job's lease was no longer the caller's (or it was reaped already). */
        FENCED,
        /** The job is failed, in the failed registry. */
        FAILED,
        /** The job is back on its queue for another attempt. */
        REQUEUED,
        /** The job waits in the scheduled registry for its retry interval. */
        SCHEDULED
    }

    /**
     * One heartbeat for a whole worker process, in one round trip: every slot's hash is renewed and every running
     * job still leased is given a new deadline, now + {@link #lease()}.
     *
     * @param workerNames the slots' names
     * @param running     the running jobs, by id, with their queues
     * @return the slots whose hash is gone (expired, or lost by Redis), to register again
     */
    public List<String> heartbeat(List<String> workerNames, Map<String, String> running) {
        return heartbeat(workerNames, running, List.of());
    }

    /**
     * A heartbeat as {@link #heartbeat(List, Map)} that also adds each slot's counters since the last one to its
     * hash (RQ's {@code successful_job_count}, {@code failed_job_count}, {@code total_working_time}): the worker
     * batches them here instead of writing them per job. A slot whose hash is gone gets nothing added; the caller
     * keeps its counts for the next heartbeat, after registering it again.
     *
     * @param counts one per slot, in the order of {@code workerNames}; empty for none
     */
    public List<String> heartbeat(List<String> workerNames, Map<String, String> running, List<SlotCounts> counts) {
        if (!counts.isEmpty() && counts.size() != workerNames.size()) {
            throw new IllegalArgumentException("one count per slot: " + counts.size() + " for " + workerNames.size());
        }
        Instant now = client.clock().instant();
        List<String> keys = new ArrayList<>(workerNames.size() + 2 * running.size());
        workerNames.forEach(name -> keys.add(RqKeys.worker(name)));
        List<Object> args = new ArrayList<>(List.of(workerNames.size(), RqTime.format(now), WORKER_TTL.toSeconds(),
                now.plus(lease).getEpochSecond()));
        for (int i = 0; i < workerNames.size(); i++) {
            SlotCounts slot = counts.isEmpty() ? SlotCounts.NONE : counts.get(i);
            args.add(slot.successful());
            args.add(slot.failed());
            args.add(slot.workingSeconds() == 0 ? "0" : Double.toString(slot.workingSeconds()));
        }
        running.forEach((jobId, queue) -> {
            keys.add(RqKeys.registry("wip", queue));
            keys.add(RqKeys.job(jobId));
            args.add(jobId);
        });
        List<Object> missing = client.scripts().runForObjects(LuaScript.HEARTBEAT, keys, args.toArray());
        return missing.stream().map(index -> workerNames.get(((Number) index).intValue() - 1)).toList();
    }

    /**
     * What one slot did since its last heartbeat, added to its RQ worker hash by the next one.
     *
     * @param successful     jobs finished ({@code successful_job_count})
     * @param failed         failed attempts, retried ones and stopped jobs included ({@code failed_job_count})
     * @param workingSeconds time spent running them ({@code total_working_time})
     */
    public record SlotCounts(long successful, long failed, double workingSeconds) {
        public static final SlotCounts NONE = new SlotCounts(0, 0, 0);
    }

    /**
     * Marks busy worker slots as asked to shut down ({@code shutdown_requested_date}, as RQ's warm shutdown does),
     * in one round trip.
     */
    public void markShutdownRequested(List<String> workerNames) {
        String now = now();
        RBatch batch = client.redis().createBatch();
        workerNames.forEach(name -> batch.getMap(RqKeys.worker(name), StringCodec.INSTANCE)
                .fastPutAsync("shutdown_requested_date", now));
        batch.execute();
    }

    /**
     * What {@link #take} got: a job, nothing, or a refusal because workers are suspended.
     *
     * @param queueLeftEmpty the job was the last one in its queue when a one-queue wait took it, so that the slot's
     *                       next call can be its finish with the next wait ({@link #finishThenWait}); false when
     *                       jobs were queued behind it, or when the take does not know
     */
    public record Take(ClaimedJob job, boolean suspended, boolean queueLeftEmpty) {
        public static final Take NOTHING = new Take(null, false);
        public static final Take SUSPENDED = new Take(null, true);

        /** A take that does not know whether the job was the last one queued. */
        public Take(ClaimedJob job, boolean suspended) {
            this(job, suspended, false);
        }

        public Optional<ClaimedJob> claimed() {
            return Optional.ofNullable(job);
        }
    }

    /** Whether workers are suspended ({@code rq suspend}: the key {@code rq:suspended} exists). */
    public boolean isSuspended() {
        return client.redis().getBucket(RqKeys.SUSPENDED, StringCodec.INSTANCE).isExists();
    }

    private Take start(String workerName, List<String> queues, String poppedId, int poppedIndex) {
        List<String> keys = new ArrayList<>(2 + 2 * queues.size());
        List<Object> args = new ArrayList<>(List.of(poppedId, poppedIndex));
        Instant now = client.clock().instant();
        String nowText = RqTime.format(now);
        addTakeArguments(keys, args, workerName, queues, now, nowText);
        String[] startFields = StartedJobs.startFields(workerName, nowText);
        return parseTake(client.scripts().runCombinedForObjects(LuaScript.DEQUEUE, new TakeReplyCodec(startFields),
                keys, args.toArray()), startFields);
    }

    /** The KEYS and ARGV that lib/take.lua reads: the slot, rq:suspended, the queues and their wip registries. */
    private void addTakeArguments(List<String> keys, List<Object> args, String workerName, List<String> queues,
                                  Instant now, String nowText) {
        keys.add(RqKeys.worker(workerName));
        keys.add(RqKeys.SUSPENDED);
        for (String queue : queues) {
            keys.add(RqKeys.queue(queue));
            keys.add(RqKeys.registry("wip", queue));
        }
        args.addAll(List.of(RqKeys.JOB_PREFIX, nowText, now.plus(lease).getEpochSecond(), workerName));
        args.addAll(queues);
    }

    /** The job dequeue.lua returned: {the started job packed}, {} or {-1} (suspended). */
    private Take parseTake(List<?> reply, String[] startFields) {
        if (reply.isEmpty()) {
            return Take.NOTHING;
        }
        if (reply.get(0) instanceof Number) {
            return Take.SUSPENDED;
        }
        return new Take(StartedJobs.decodeOne(client, reply.get(0), startFields), false);
    }

    private static List<String> workerKeys(String workerName, List<String> queues) {
        List<String> keys = new ArrayList<>(List.of(RqKeys.worker(workerName), RqKeys.WORKERS));
        queues.forEach(queue -> keys.add(RqKeys.queueWorkers(queue)));
        return keys;
    }

    private String now() {
        return RqTime.format(client.clock().instant());
    }

    /** Seconds as HINCRBYFLOAT reads them; why: not String.format, which is slow on the finish path. */
    private static String seconds(Duration duration) {
        return Double.toString(duration.toNanos() / 1e9);
    }
}
