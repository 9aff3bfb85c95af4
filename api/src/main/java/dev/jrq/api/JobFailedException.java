package dev.jrq.api;

/** Thrown to a caller waiting for a result when the job ended without one: failed, stopped or canceled. */
public class JobFailedException extends JrqException {
    private static final long serialVersionUID = 1L;
    private final String jobId;
    private final JobStatus status;

    public JobFailedException(String jobId, JobStatus status, String error) {
        super("job " + jobId + " ended " + status.wireName() + (error == null || error.isEmpty() ? "" : ": " + error));
        this.jobId = jobId;
        this.status = status;
    }

    public String jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }
}
