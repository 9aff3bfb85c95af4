package dev.jrq.api;

import java.time.Duration;

/** A wait for a job's result that ran out of time while the job was still queued or running. */
public class ResultTimeoutException extends JrqException {
    private static final long serialVersionUID = 1L;

    public ResultTimeoutException(String jobId, JobStatus status, Duration waited) {
        super("job " + jobId + " is still " + status.wireName() + " after waiting " + waited.toMillis() + " ms");
    }
}
