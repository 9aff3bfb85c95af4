package dev.jrq.examples;

import java.io.UncheckedIOException;
import java.net.BindException;

/** An HTTP server could not listen because another program already does on its port. */
public final class PortInUseException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    private final int port;

    PortInUseException(int port, BindException cause) {
        super("port " + port + " is taken", cause);
        this.port = port;
    }

    /** The port that was asked for. */
    public int port() {
        return port;
    }
}
