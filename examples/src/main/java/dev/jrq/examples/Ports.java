package dev.jrq.examples;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.util.function.IntFunction;

/** Starting a server on the first free port from a wanted one, as the demo does for its web apps. */
final class Ports {
    /** How many ports are tried, the wanted one included. */
    static final int TRIED = 100;

    private Ports() {
    }

    /**
     * {@code start} applied to {@code first}, or to the next port while the one tried is taken (a {@link
     * BindException} in the failure's causes); other failures are thrown at once.
     *
     * @throws RuntimeException the last failure when {@value #TRIED} ports in a row are taken
     */
    static <T> T firstFree(int first, IntFunction<T> start) {
        for (int port = first; ; port++) {
            boolean last = first == 0 || port - first + 1 >= TRIED;
            if (!last && !canListenOn(port)) {
                continue; // why: a server that fails to bind may log an error first (Javalin does), alarming users
            }
            try {
                return start.apply(port);
            } catch (RuntimeException e) {
                if (!isTaken(e) || last) {
                    throw e;
                }
            }
        }
    }

    /** Whether a listening socket on every interface can take {@code port} right now. */
    private static boolean canListenOn(int port) {
        try {
            new ServerSocket(port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isTaken(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
