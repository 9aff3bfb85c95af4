package dev.jrq.core;

import dev.jrq.api.DuplicateJobException;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.core.internal.JobIds;
import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.PackedQueuedJobs;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.Scripts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RList;
import org.redisson.client.codec.StringCodec;

/**
 * One queue, {@code rq:queue:<name>}: enqueue jobs, count and list them, empty it, and reach its registries.
 *
 * <pre>{@code
 * JobQueue queue = client.queue("default");
 * Job byName = queue.enqueue("test_job.i_am_a_job", 7);          // for a Java or a Python worker
 * Job typed = queue.enqueue(IAmAJob.class, 7);                    // the name comes from the class
 * List<Job> many = queue.enqueueMany(List.of(JobRequest.of("counter.visit"), JobRequest.of("counter.visit")));
 * }</pre>
 */
public final class JobQueue {
    private static final Pattern QUEUE_NAME = Pattern.compile("[^\\s:]{1,200}");
    private static final List<String> CANCELABLE = List.of(JobStatus.QUEUED.wireName(),
            JobStatus.DEFERRED.wireName(), JobStatus.SCHEDULED.wireName());

    /** The most jobs one enqueue_many.lua call saves; why: a script holds Redis for as long as it runs. */
    private static final int JOBS_PER_ENQUEUE_CALL = 1000;

    private final JrqClient client;
    private final String name;
    private final Duration defaultTimeout;
    /** rq:queue:<name> and rq:deferred:<name>, which most calls name; why: built once, not per call. */
    private final String queueKey;
    private final String deferredKey;

    JobQueue(JrqClient client, String name) {
        this(client, name, null);
    }

    private JobQueue(JrqClient client, String name, Duration defaultTimeout) {
        if (name == null || !QUEUE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("queue name '" + name
                    + "' is not valid: use 1 to 200 characters without spaces or ':'");
        }
        this.client = client;
        this.name = name;
        this.defaultTimeout = defaultTimeout;
        this.queueKey = RqKeys.queue(name);
        this.deferredKey = RqKeys.registry("deferred", name);
    }

    public String name() {
        return name;
    }

    /**
     * This queue with a default timeout for the jobs enqueued through it that set none, as RQ's
     * {@code Queue(default_timeout=...)}; without one, RQ's 180 s apply.
     *
     * @param timeout whole seconds, or {@link JobOptions#FOREVER} for none
     */
    public JobQueue withDefaultTimeout(Duration timeout) {
        JobOptions.builder().timeout(timeout).build(); // why: the same checks as a job's own timeout
        return new JobQueue(client, name, timeout);
    }

    /** The request with this queue's defaults for what it leaves unset. */
    private JobRequest withDefaults(JobRequest request) {
        if (defaultTimeout == null || request.options().timeout() != null) {
            return request;
        }
        return request.withOptions(request.options().toBuilder().timeout(defaultTimeout).build());
    }

    /** Enqueues the job {@code jobName} with positional arguments. One round trip. */
    public Job enqueue(String jobName, Object... args) {
        return enqueue(JobRequest.of(jobName, args));
    }

    /** Enqueues the job of a handler class (named by its {@code @JobName}) with positional arguments. */
    public Job enqueue(Class<? extends JobHandler> handler, Object... args) {
        return enqueue(JobRequest.of(handler, args));
    }

    /**
     * Enqueues one job, or defers it while the jobs it depends on have not finished. One round trip: the enqueue
     * script saves the hash and pushes the id (or defers it) atomically.
     *
     * @throws DuplicateJobException when the options ask for a unique job and its id exists
     * @throws NoSuchJobException when a job it depends on does not exist
     */
    public Job enqueue(JobRequest given) {
        JobRequest request = withDefaults(given);
        String jobId = jobId(request);
        Object[] args = enqueueArguments(jobId, request, client.clock().instant());
        // why: the threads of a busy producer (a web server's, say) enqueue at once; their calls share one batch
        checkEnqueued(jobId, request, client.scripts().runCombinedForLong(LuaScript.ENQUEUE,
                enqueueKeys(jobId, request), args));
        return new Job(client, jobId);
    }

    /**
     * Enqueues many jobs in one round trip, in order: each run of jobs that depend on no other job is saved and
     * pushed by one script call per 1,000 jobs, a job with dependencies by its own enqueue
     * script, all of them in one pipelined batch.
     *
     * @throws DuplicateJobException for the first job asked to be unique whose id exists (the others are enqueued)
     * @throws NoSuchJobException for the first job that depends on a job that does not exist
     */
    public List<Job> enqueueMany(List<JobRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        client.scripts().load(LuaScript.ENQUEUE);
        client.scripts().load(LuaScript.ENQUEUE_MANY);
        RBatch batch = client.redis().createBatch();
        List<JobRequest> prepared = new ArrayList<>(requests.size());
        List<String> ids = new ArrayList<>(requests.size());
        List<RFuture<?>> calls = new ArrayList<>();
        EnqueueRun run = null;
        Instant now = client.clock().instant();
        for (JobRequest given : requests) {
            JobRequest request = withDefaults(given);
            String jobId = jobId(request);
            // why: one microsecond apart, so each job's created_at (the scripts' replay marker) is its own
            Instant createdAt = now.plusNanos(1_000L * ids.size());
            prepared.add(request);
            ids.add(jobId);
            boolean independent = parents(request).isEmpty();
            if (run != null && (run.size() == JOBS_PER_ENQUEUE_CALL || !independent)) {
                calls.add(run.addTo(batch));
                run = null;
            }
            if (independent) {
                if (run == null) {
                    run = new EnqueueRun();
                }
                run.add(jobId, request, createdAt);
            } else {
                calls.add(client.scripts().addToBatch(batch, LuaScript.ENQUEUE, enqueueKeys(jobId, request),
                        enqueueArguments(jobId, request, createdAt)));
            }
        }
        if (run != null) {
            calls.add(run.addTo(batch));
        }
        try {
            batch.execute();
        } catch (RuntimeException e) {
            if (!Scripts.isNoScript(e)) {
                throw e;
            }
            client.scripts().forgetLoaded();
            return enqueueMany(requests);
        }
        List<Long> outcomes = new ArrayList<>(ids.size());
        for (RFuture<?> call : calls) {
            Object outcome = call.toCompletableFuture().join();
            if (outcome instanceof List<?> many) {
                many.forEach(each -> outcomes.add(((Number) each).longValue()));
            } else {
                outcomes.add(((Number) outcome).longValue());
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            checkEnqueued(ids.get(i), prepared.get(i), outcomes.get(i));
        }
        return ids.stream().map(id -> new Job(client, id)).toList();
    }

    /** One enqueue_many.lua call: jobs of this queue that depend on no other job, packed into one argument. */
    private final class EnqueueRun {
        private final PackedQueuedJobs jobs = new PackedQueuedJobs(client.codec());

        int size() {
            return jobs.count();
        }

        void add(String jobId, JobRequest request, Instant createdAt) {
            jobs.add(jobId, idGiven(request), request, RqTime.format(createdAt));
        }

        RFuture<List<Object>> addTo(RBatch batch) {
            return client.scripts().addListToBatch(batch, LuaScript.ENQUEUE_MANY,
                    List.of(RqKeys.QUEUES, queueKey), queueKey, name, RqKeys.JOB_PREFIX,
                    jobs.toBytes());
        }
    }

    /**
     * Schedules a job to be enqueued at {@code at}, as RQ's {@code enqueue_at}: status {@code scheduled}, its id in
     * {@code rq:scheduled:<queue>} scored with the due time in whole epoch seconds (the fraction is dropped, as
     * RQ does). A scheduler (JRQ's, or a Python {@code rq worker --with-scheduler}) moves it to the queue when due;
     * a time in the past makes it due at once. One round trip.
     */
    public Job enqueueAt(Instant at, JobRequest given) {
        java.util.Objects.requireNonNull(at, "at");
        JobRequest request = withDefaults(given);
        String jobId = jobId(request);
        Instant now = client.clock().instant();
        List<Object> args = new ArrayList<>(List.of(queueKey, jobId, RqTime.epochSeconds(at),
                RqTime.format(now)));
        args.addAll(scheduledJobFields(request, now));
        client.scripts().runForLong(LuaScript.SCHEDULE_JOB, List.of(RqKeys.QUEUES, RqKeys.job(jobId),
                RqKeys.scheduled(name)), args.toArray());
        return new Job(client, jobId);
    }

    /** Schedules the job {@code jobName} with positional arguments to be enqueued at {@code at}. */
    public Job enqueueAt(Instant at, String jobName, Object... args) {
        return enqueueAt(at, JobRequest.of(jobName, args));
    }

    /** Schedules a job to be enqueued after {@code delay} from now (the client's clock), as RQ's {@code enqueue_in}. */
    public Job enqueueIn(java.time.Duration delay, JobRequest request) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative; was " + delay);
        }
        return enqueueAt(client.clock().instant().plus(delay), request);
    }

    /** Schedules the job {@code jobName} with positional arguments to be enqueued after {@code delay}. */
    public Job enqueueIn(java.time.Duration delay, String jobName, Object... args) {
        return enqueueIn(delay, JobRequest.of(jobName, args));
    }

    /** How many jobs wait in the queue ({@code LLEN}). */
    public long count() {
        return list().size();
    }

    public boolean isEmpty() {
        return count() == 0;
    }

    /** A page of the waiting job ids, next to run first ({@code LRANGE}). */
    public List<String> jobIds(long offset, int limit) {
        JobRegistry.checkPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return list().range((int) offset, (int) (offset + limit - 1));
    }

    /** Removes every waiting job and deletes their hashes, as RQ's {@code empty()}; returns how many. */
    public long empty() {
        return client.scripts().runForLong(LuaScript.EMPTY_QUEUE, List.of(queueKey), RqKeys.JOB_PREFIX);
    }

    /**
     * Removes at most {@code limit} waiting jobs from the front of the queue and deletes their hashes, atomically;
     * returns how many. Called until it returns 0, it empties a queue of millions in steps that each hold Redis
     * briefly, where {@link #empty()} is one step. One round trip.
     */
    public long emptyFront(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return client.scripts().runForLong(LuaScript.EMPTY_QUEUE, List.of(queueKey), RqKeys.JOB_PREFIX,
                limit);
    }

    /**
     * Removes the jobs waiting now, {@code step} at a time from the front ({@link #emptyFront}), telling
     * {@code onStep} how many each step removed; jobs enqueued meanwhile at the back stay. Returns how many went.
     */
    public long emptyInSteps(int step, java.util.function.LongConsumer onStep) {
        long waiting = count();
        long removed = 0;
        while (removed < waiting) {
            long batch = emptyFront((int) Math.min(step, waiting - removed));
            if (batch == 0) {
                break;
            }
            removed += batch;
            onStep.accept(batch);
        }
        return removed;
    }

    /** One of the queue's registries. */
    public JobRegistry registry(RegistryType type) {
        return new JobRegistry(client.redis(), client.clock(), name, type);
    }

    /** A job of this queue as stored now. */
    public JobRecord fetchJob(String jobId) {
        return client.fetchJob(jobId);
    }

    /** Deletes a job from this queue, every registry, and its results. Returns whether it existed. */
    public boolean deleteJob(String jobId) {
        return deleteJob(jobId, false) > 0;
    }

    /**
     * Deletes a job as {@link #deleteJob(String)} does and, with {@code withDependents}, the jobs waiting for it
     * (one level, as RQ's {@code delete(delete_dependents=True)}).
     *
     * @return how many jobs were deleted
     */
    public long deleteJob(String jobId, boolean withDependents) {
        List<String> keys = Scripts.keys(List.of(RqKeys.job(jobId), RqKeys.results(jobId), RqKeys.jobDependents(jobId),
                RqKeys.jobDependencies(jobId), queueKey), RqKeys.registries(name));
        List<Object> args = new ArrayList<>(List.of(jobId, withDependents ? "1" : "0"));
        args.addAll(RqKeys.dependentsLayout());
        args.add(RqKeys.results(""));
        return client.scripts().runForLong(LuaScript.DELETE_JOB, keys, args.toArray());
    }

    /**
     * Cancels a job that has not started (queued, deferred or scheduled): it leaves the queue and is listed as
     * canceled.
     *
     * @throws NoSuchJobException when there is no such job
     * @throws IllegalStateException when the job has started or ended already
     */
    public void cancel(String jobId) {
        List<String> keys = List.of(RqKeys.job(jobId), queueKey, deferredKey,
                RqKeys.registry("scheduled", name), RqKeys.registry("canceled", name), RqKeys.jobDependents(jobId),
                RqKeys.QUEUES);
        Instant now = client.clock().instant();
        List<Object> args = new ArrayList<>(List.of(jobId, now.getEpochSecond(), RqTime.format(now)));
        args.addAll(RqKeys.dependentsLayout());
        args.addAll(CANCELABLE);
        String before = client.scripts().runForString(LuaScript.CANCEL_JOB, keys, args.toArray());
        if (before == null || before.isEmpty()) {
            throw new NoSuchJobException(jobId);
        }
        if (!CANCELABLE.contains(before)) {
            throw new IllegalStateException("job " + jobId + " is " + before + "; only a queued, deferred or "
                    + "scheduled job can be canceled");
        }
    }

    /**
     * Puts a failed job back at the end of this queue (RQ's {@code requeue}).
     *
     * @throws NoSuchJobException when there is no such job
     * @throws IllegalStateException when the job is not in this queue's failed registry
     */
    public void requeue(String jobId) {
        List<String> keys = List.of(RqKeys.job(jobId), RqKeys.registry("failed", name), queueKey,
                RqKeys.QUEUES);
        long outcome = client.scripts().runForLong(LuaScript.REQUEUE_JOB, keys, jobId,
                RqTime.format(client.clock().instant()), queueKey, "0");
        if (outcome == 1) {
            return;
        }
        // why: a job that exists but did not fail is not "missing"; say what it is, as cancel does.
        String status = outcome == 0 ? client.redis().<String, String>getMap(RqKeys.job(jobId), StringCodec.INSTANCE)
                .get("status") : null;
        if (status == null) {
            throw new NoSuchJobException(jobId);
        }
        throw new IllegalStateException("job " + jobId + " is " + status + " and not in the failed registry of "
                + "queue " + name + "; only a failed job can be requeued");
    }

    /**
     * Requeues failed jobs as {@link #requeue(String)} does, all in one pipelined round trip (plus one to say why,
     * when some could not be): for dashboards and tools that requeue thousands.
     *
     * @return why each job that was not requeued was not, by id (empty when all were)
     */
    public Map<String, String> requeueMany(List<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        client.scripts().load(LuaScript.REQUEUE_JOB);
        RBatch batch = client.redis().createBatch();
        List<RFuture<Long>> outcomes = new ArrayList<>(jobIds.size());
        String now = RqTime.format(client.clock().instant());
        for (String jobId : jobIds) {
            outcomes.add(client.scripts().addToBatch(batch, LuaScript.REQUEUE_JOB, List.of(RqKeys.job(jobId),
                    RqKeys.registry("failed", name), queueKey, RqKeys.QUEUES), jobId, now,
                    queueKey, "0"));
        }
        try {
            batch.execute();
        } catch (RuntimeException e) {
            if (!Scripts.isNoScript(e)) {
                throw e;
            }
            client.scripts().forgetLoaded(); // why: Redis forgot every script, so no call of the batch ran
            return requeueMany(jobIds);
        }
        List<String> notFailed = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < jobIds.size(); i++) {
            long outcome = outcomes.get(i).toCompletableFuture().join();
            if (outcome == 0) {
                notFailed.add(jobIds.get(i));
                errors.put(jobIds.get(i), null);
            } else if (outcome != 1) {
                errors.put(jobIds.get(i), "no such job (deleted or expired)");
            }
        }
        List<String> statuses = client.browser().statuses(notFailed);
        for (int i = 0; i < notFailed.size(); i++) {
            errors.put(notFailed.get(i), statuses.get(i) == null ? "no such job (deleted or expired)"
                    : "job is " + statuses.get(i) + " and not in the failed registry of queue " + name
                    + "; only a failed job can be requeued");
        }
        return errors;
    }

    private RList<String> list() {
        return client.redis().getList(queueKey, StringCodec.INSTANCE);
    }

    private List<String> enqueueKeys(String jobId, JobRequest request) {
        List<String> parents = parents(request);
        List<String> keys = new ArrayList<>(5 + 2 * parents.size());
        Collections.addAll(keys, RqKeys.QUEUES, RqKeys.job(jobId), queueKey, deferredKey,
                RqKeys.jobDependencies(jobId));
        parents.forEach(parent -> keys.add(RqKeys.job(parent)));
        parents.forEach(parent -> keys.add(RqKeys.jobDependents(parent)));
        return keys;
    }

    private static List<String> parents(JobRequest request) {
        return request.options().dependsOn() == null ? List.of() : request.options().dependsOn().jobIds();
    }

    /** Turns the enqueue script's refusals into exceptions that say what was wrong. */
    private static void checkEnqueued(String jobId, JobRequest request, long outcome) {
        if (outcome == 0) {
            throw new DuplicateJobException(jobId);
        }
        if (outcome < 0) {
            String parent = parents(request).get((int) -outcome - 1);
            throw new NoSuchJobException(parent);
        }
    }

    private Object[] enqueueArguments(String jobId, JobRequest request, Instant now) {
        List<String> parents = parents(request);
        JobOptions options = request.options();
        List<Object> args = new ArrayList<>(5 + parents.size());
        args.add(queueKey);
        args.add(name);
        args.add(parents.size());
        args.add(options.dependsOn() != null && options.dependsOn().allowFailure() ? "1" : "0");
        args.addAll(parents);
        args.add(client.codec().packQueuedJob(jobId, idGiven(request), request, RqTime.format(now)));
        return args.toArray();
    }

    /** A queued job's fields made a scheduled one's: status scheduled, no enqueued_at, RQ's enqueue_at_front. */
    private List<Object> scheduledJobFields(JobRequest request, Instant now) {
        List<Object> queued = client.codec().queuedJobFields(name, request, now);
        List<Object> fields = new ArrayList<>(queued.size() + 2);
        for (int i = 0; i + 1 < queued.size(); i += 2) {
            Object field = queued.get(i);
            if ("enqueued_at".equals(field)) {
                continue;
            }
            fields.add(field);
            fields.add("status".equals(field) ? JobStatus.SCHEDULED.wireName() : queued.get(i + 1));
        }
        if (request.options().atFront()) {
            fields.add("enqueue_at_front");
            fields.add("1");
        }
        return fields;
    }

    private static boolean idGiven(JobRequest request) {
        return request.options().jobId() != null;
    }

    private static String jobId(JobRequest request) {
        String given = request.options().jobId();
        return given != null ? given : JobIds.next();
    }
}
