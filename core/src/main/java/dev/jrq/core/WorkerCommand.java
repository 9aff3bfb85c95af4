package dev.jrq.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command sent to a worker on {@code rq:pubsub:<w>}, as RQ's {@code send_shutdown_command},
 * {@code send_stop_job_command} and {@code send_kill_horse_command} publish it: {@code {"command": "stop-job",
 * "job_id": "..."}}.
 *
 * @param workerName the worker slot it was sent to
 * @param command    {@code shutdown}, {@code stop-job} or {@code kill-horse}
 * @param jobId      the job to stop, for {@code stop-job}; {@code null} otherwise
 */
public record WorkerCommand(String workerName, String command, String jobId) {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);
    private static final JsonMapper JSON = new JsonMapper();

    public static final String SHUTDOWN = "shutdown";
    public static final String STOP_JOB = "stop-job";
    public static final String KILL_HORSE = "kill-horse";

    /** The command in a message, or empty (logged) when it is not JSON with a {@code command}. */
    static Optional<WorkerCommand> parse(String workerName, String message) {
        try {
            JsonNode json = JSON.readTree(message);
            String command = json.path("command").asText("");
            if (command.isEmpty()) {
                LOG.warn("ignored a message without a command on the channel of {}: {}", workerName, message);
                return Optional.empty();
            }
            JsonNode jobId = json.get("job_id");
            return Optional.of(new WorkerCommand(workerName, command, jobId == null ? null : jobId.asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignored a message that is not JSON on the channel of {}: {}", workerName, message);
            return Optional.empty();
        }
    }
}
