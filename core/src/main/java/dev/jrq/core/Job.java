package dev.jrq.core;

import dev.jrq.api.JobFailedException;
import dev.jrq.api.JobStatus;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.api.ResultTimeoutException;
import dev.jrq.core.internal.RqKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RStream;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;

/**
 * A handle on one job by id, as returned by {@code enqueue}: each call reads the job's current state from Redis.
 *
 * <pre>{@code
 * Job job = queue.enqueue("test_job.i_am_a_job", 7);
 * Integer seven = job.waitForResult(Duration.ofSeconds(10), Integer.class);
 * JobStatus status = job.status(); // FINISHED
 * }</pre>
 */
public final class Job {
    private static final Duration LONGEST_BLOCK = Duration.ofSeconds(1);

    private final JrqClient client;
    private final String id;

    Job(JrqClient client, String id) {
        this.client = client;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The job as stored now. @throws NoSuchJobException when it is gone */
    public JobRecord fetch() {
        return client.fetchJob(id);
    }

    /**
     * The job's status now.
     *
     * @throws NoSuchJobException when the job is gone, or its status is not one JRQ knows
     */
    public JobStatus status() {
        String wireName = client.redis().<String, String>getMap(RqKeys.job(id), StringCodec.INSTANCE).get("status");
        if (wireName == null) {
            throw new NoSuchJobException(id);
        }
        return JobStatus.fromWireName(wireName);
    }

    /** The latest result entry, if the job has run. */
    public Optional<JobResult> latestResult() {
        List<JobResult> results = client.results(id, 1);
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /** Every result entry, newest first (one per run; RQ trims to about ten). */
    public List<JobResult> results() {
        return client.results(id, 100);
    }

    /**
     * Waits until the job has finished and returns its return value; blocks on the result stream
     * ({@code XREAD BLOCK}), no sleeping.
     *
     * @throws JobFailedException when the job failed, was stopped or canceled
     * @throws ResultTimeoutException when it is still queued or running after {@code timeout}
     * @throws NoSuchJobException when the job does not exist
     */
    public Object waitForResult(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        StreamMessageId seen = new StreamMessageId(0, 0);
        while (true) {
            JobStatus status = status();
            if (status == JobStatus.FINISHED) {
                return latestResult().map(JobResult::returnValue).orElse(null);
            }
            if (status.isFinal()) {
                throw new JobFailedException(id, status, latestResult().map(JobResult::error).orElse(null));
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ResultTimeoutException(id, status, timeout);
            }
            // why: XREAD sends BLOCK in whole milliseconds, and BLOCK 0 would wait forever.
            Duration block = left.compareTo(LONGEST_BLOCK) < 0 ? left : LONGEST_BLOCK;
            seen = awaitEntryAfter(seen, block.toMillis() < 1 ? Duration.ofMillis(1) : block);
        }
    }

    /** {@link #waitForResult(Duration)}, with the value converted to {@code type}. */
    public <T> T waitForResult(Duration timeout, Class<T> type) {
        return ClaimedJob.convert(waitForResult(timeout), type, "the result of job " + id);
    }

    /** Cancels the job if it has not started (see {@link JobQueue#cancel(String)}). */
    public void cancel() {
        client.queue(origin()).cancel(id);
    }

    /** Puts the failed job back on its queue (see {@link JobQueue#requeue(String)}). */
    public void requeue() {
        client.queue(origin()).requeue(id);
    }

    /** Deletes the job everywhere; returns whether it existed. */
    public boolean delete() {
        return client.queue(origin()).deleteJob(id);
    }

    private String origin() {
        String origin = client.redis().<String, String>getMap(RqKeys.job(id), StringCodec.INSTANCE).get("origin");
        if (origin == null) {
            throw new NoSuchJobException(id);
        }
        return origin;
    }

    private StreamMessageId awaitEntryAfter(StreamMessageId seen, Duration block) {
        RStream<String, String> stream = client.redis().getStream(RqKeys.results(id), StringCodec.INSTANCE);
        Map<StreamMessageId, Map<String, String>> entries = stream.read(StreamReadArgs.greaterThan(seen)
                .count(10).timeout(block));
        StreamMessageId newest = seen;
        if (entries != null) {
            for (StreamMessageId entryId : entries.keySet()) {
                newest = entryId;
            }
        }
        return newest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Job job && job.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Job[" + id + "]";
    }
}
