package dev.jrq.api;

/** A job id that Redis holds no job for (never enqueued, deleted, or expired after its TTL). */
public class NoSuchJobException extends JrqException {
    private static final long serialVersionUID = 1L;

    public NoSuchJobException(String jobId) {
        super("no job with id '" + jobId + "' (never enqueued, deleted, or expired)");
    }
}
