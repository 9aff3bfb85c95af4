package dev.jrq.api;

import java.time.Duration;

/**
 * Jobs to run when a job ends, by handler name, as RQ's {@code on_success}, {@code on_failure} and
 * {@code on_stopped}. A callback runs in the worker right after the outcome is recorded, with its own timeout;
 * it sees the ended job's id as argument 0, then the return value (success) or the error text (failure). A
 * failing callback is logged and recorded on the job ({@code jrq_callback_error}); it never changes the job's
 * outcome and never stops the worker.
 *
 * <pre>{@code
 * JobOptions.builder().callbacks(Callbacks.onSuccess("mail.report_sent").withOnFailure("mail.alert")).build();
 * }</pre>
 *
 * @param onSuccess handler run after a success, or {@code null}
 * @param onFailure handler run after a failure (each failed attempt, as RQ), or {@code null}
 * @param onStopped handler run after a stop command, or {@code null}
 * @param timeout   how long each callback may run (RQ's 60 s when {@code null})
 */
public record Callbacks(String onSuccess, String onFailure, String onStopped, Duration timeout) {

    public Callbacks {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.getNano() != 0)) {
            throw new IllegalArgumentException("a callback timeout must be whole seconds > 0; was " + timeout);
        }
    }

    public static Callbacks onSuccess(String handlerName) {
        return new Callbacks(handlerName, null, null, null);
    }

    public static Callbacks onFailure(String handlerName) {
        return new Callbacks(null, handlerName, null, null);
    }

    public Callbacks withOnFailure(String handlerName) {
        return new Callbacks(onSuccess, handlerName, onStopped, timeout);
    }

    public Callbacks withOnStopped(String handlerName) {
        return new Callbacks(onSuccess, onFailure, handlerName, timeout);
    }

    public Callbacks withTimeout(Duration callbackTimeout) {
        return new Callbacks(onSuccess, onFailure, onStopped, callbackTimeout);
    }
}
