package dev.jrq.api;

/**
 * The root of JRQ's exceptions. Unchecked: a queue operation that cannot be done is a bug or an outage, and
 * callers that can recover catch the subclass named for the condition.
 *
 * <pre>{@code
 * try { queue.fetchJob(id); } catch (NoSuchJobException e) { ... }
 * }</pre>
 */
public class JrqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JrqException(String message) {
        super(message);
    }

    public JrqException(String message, Throwable cause) {
        super(message, cause);
    }
}
