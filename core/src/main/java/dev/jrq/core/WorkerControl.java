package dev.jrq.core;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrq.core.internal.RqKeys;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBucket;
import org.redisson.client.codec.StringCodec;

/**
 * What an operator does to running workers, the way RQ's tools do it: {@code rq suspend} / {@code rq resume}
 * (the key {@code rq:suspended}) and {@code send_shutdown_command} / {@code send_stop_job_command} /
 * {@code send_kill_horse_command} (a JSON message on {@code rq:pubsub:<worker>}). JRQ's and Python's workers
 * both obey them.
 */
public final class WorkerControl {
    private static final JsonMapper JSON = new JsonMapper();

    private final JrqClient client;

    WorkerControl(JrqClient client) {
        this.client = client;
    }

    /** Stops every worker from taking new jobs until {@link #resume()}; running jobs finish. */
    public void suspend() {
        suspended().set("1");
    }

    /**
     * Stops every worker from taking new jobs for {@code duration}, after which they resume by themselves
     * ({@code rq suspend --duration}).
     */
    public void suspend(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a suspension lasts more than zero seconds, not " + duration);
        }
        suspended().set("1", duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets workers take jobs again. */
    public void resume() {
        suspended().delete();
    }

    /** Whether workers are suspended now. */
    public boolean isSuspended() {
        return suspended().isExists();
    }

    /**
     * Asks a worker to finish its running jobs and exit ({@code send_shutdown_command}).
     *
     * @return how many processes listened on the worker's channel (0: no such worker is running)
     */
    public long shutdown(String workerName) {
        return publish(workerName, command(WorkerCommand.SHUTDOWN));
    }

    /**
     * Asks the worker running {@code jobId} to stop it; the job ends {@code stopped} ({@code send_stop_job_command}).
     *
     * @return how many processes listened on the worker's channel (0: no such worker is running)
     */
    public long stopJob(String workerName, String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        ObjectNode message = command(WorkerCommand.STOP_JOB);
        message.put("job_id", jobId);
        return publish(workerName, message);
    }

    /**
     * Kills the job a worker runs now; it ends {@code failed} ({@code send_kill_horse_command}).
     *
     * @return how many processes listened on the worker's channel (0: no such worker is running)
     */
    public long killRunningJob(String workerName) {
        return publish(workerName, command(WorkerCommand.KILL_HORSE));
    }

    private RBucket<String> suspended() {
        return client.redis().getBucket(RqKeys.SUSPENDED, StringCodec.INSTANCE);
    }

    private long publish(String workerName, ObjectNode message) {
        Objects.requireNonNull(workerName, "workerName");
        return client.redis().getTopic(RqKeys.workerCommands(workerName), StringCodec.INSTANCE)
                .publish(message.toString());
    }

    private static ObjectNode command(String name) {
        return JSON.createObjectNode().put("command", name);
    }
}
