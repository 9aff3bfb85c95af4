package dev.jrq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress of a long operation on stderr ({@code requeued 12000/50000}), at most a few times a second: redrawn in
 * place on a terminal, one line per update otherwise (when asked for with {@code --progress}), silent when stderr
 * is not a terminal and nobody asked.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final String verb;
    private final long total;
    private long done;
    private long lastShown = Long.MIN_VALUE;
    private long shownCount = -1;

    private Progress(PrintWriter err, boolean enabled, boolean terminal, String verb, long total) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
        this.verb = verb;
        this.total = total;
    }

    /**
     * Progress of {@code total} steps named {@code verb} ("requeued"), shown when {@code asked} or stderr is a
     * terminal.
     */
    static Progress start(PrintWriter err, boolean asked, String verb, long total) {
        boolean terminal = stderrIsTerminal();
        return new Progress(err, asked || terminal, terminal, verb, total);
    }

    /** Counts {@code steps} more as done and shows the count if the last update is old enough. */
    void advance(long steps) {
        done += steps;
        long now = System.nanoTime();
        if (enabled && (lastShown == Long.MIN_VALUE || now - lastShown >= INTERVAL_NANOS)) {
            show();
            lastShown = now;
        }
    }

    /** Shows the final count (when enabled) and ends the line. */
    void finish() {
        if (!enabled) {
            return;
        }
        if (shownCount != done) {
            show();
        }
        if (terminal) {
            err.println();
        }
        err.flush();
    }

    long done() {
        return done;
    }

    private void show() {
        String text = verb + " " + done + "/" + total;
        if (terminal) {
            err.print("\r" + text);
            err.flush();
        } else {
            err.println(text);
        }
        shownCount = done;
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc tells; elsewhere: whether there is a console). */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // why: no /proc link to read; fall back on the console check below
        }
        return System.console() != null;
    }
}
