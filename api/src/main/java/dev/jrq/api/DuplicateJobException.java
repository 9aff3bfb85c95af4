package dev.jrq.api;

/** An enqueue with {@code unique} and a job id that a stored job already has (RQ 2.8's {@code DuplicateJobError}). */
public class DuplicateJobException extends JrqException {
    private static final long serialVersionUID = 1L;

    public DuplicateJobException(String jobId) {
        super("a job with id '" + jobId + "' exists already; unique jobs are refused a second time");
    }
}
