package dev.jrq.api;

import java.util.Collection;
import java.util.TreeSet;

/** A job name that no registered handler answers to. The worker records this on the job; it never crashes. */
public class UnknownJobException extends JrqException {
    private static final long serialVersionUID = 1L;

    public UnknownJobException(String jobName, Collection<String> knownNames) {
        super("no handler registered for '" + jobName + "'; known: " + new TreeSet<>(knownNames));
    }
}
