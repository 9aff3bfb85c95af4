package dev.jrq.core;

import dev.jrq.api.JrqException;

/** A recurring schedule name that Redis holds no schedule for. */
public class NoSuchScheduleException extends JrqException {
    private static final long serialVersionUID = 1L;

    public NoSuchScheduleException(String name) {
        super("no schedule named '" + name + "'");
    }
}
