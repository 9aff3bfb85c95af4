package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a test started: its output as it arrives (also echoed to the test log, each line prefixed with the
 * process's label), its exit code, and its end. Output is read on two daemon threads so the process never blocks
 * on a full pipe.
 *
 * <pre>{@code
 * RunningProcess worker = processes.worker(redis.url(), "--burst", "default");
 * worker.awaitSuccess();                       // exit code 0 within 30 s, else fails showing the output
 * }</pre>
 */
final class RunningProcess {
    /** How long a test waits for a process to exit or to print something. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String label;
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> readers;

    RunningProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.readers = List.of(pump(process.getInputStream(), stdout), pump(process.getErrorStream(), stderr));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    /** Standard output, then standard error. */
    String output() {
        return stdout() + stderr();
    }

    /** Waits for the exit and returns the exit code; fails, showing the output, after {@code timeout}. */
    int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            destroy();
            throw new AssertionError(label + " did not exit within " + timeout + "; its output:\n" + output());
        }
        joinReaders();
        return process.exitValue();
    }

    /** Waits for exit code 0; fails with the output for any other code. */
    RunningProcess awaitSuccess() {
        int code = awaitExit(TIMEOUT);
        if (code != 0) {
            throw new AssertionError(label + " exited with " + code + "; its output:\n" + output());
        }
        return this;
    }

    /** Waits until the process has printed {@code text} (on either stream); fails at once if it exits without. */
    void awaitOutput(String text) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            if (!process.isAlive()) {
                joinReaders();
                if (!output().contains(text)) {
                    throw new IllegalStateException(label + " exited with " + process.exitValue()
                            + " without printing '" + text + "'; its output:\n" + output());
                }
            }
            assertThat(output()).as("output of %s", label).contains(text);
        });
    }

    /**
     * Asks the process to stop (SIGTERM, as a service manager would) and returns its exit code; what it prints
     * while stopping is kept.
     */
    int stop() {
        // why: Process.destroy() also closes our ends of its pipes, losing what it prints while it stops
        process.toHandle().destroy();
        return awaitExit(TIMEOUT);
    }

    /** Ends the process and its children: SIGTERM, then SIGKILL after five seconds. Does nothing once it exited. */
    void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!waitFor(Duration.ofSeconds(5))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(5));
        }
    }

    @Override
    public String toString() {
        return label + " (pid " + process.pid() + ")";
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + label, e);
        }
    }

    private void joinReaders() {
        for (Thread reader : readers) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Thread pump(InputStream stream, StringBuffer into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    into.append(line).append('\n');
                    System.out.println("[" + label + "] " + line);
                }
            } catch (IOException closed) {
                // why: the stream closes under us when the process is destroyed; what was read is kept
            }
        }, label + "-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
