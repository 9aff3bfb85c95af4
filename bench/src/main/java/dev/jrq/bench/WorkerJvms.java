package dev.jrq.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Worker JVMs ({@link WorkerProcess}) started as child processes with this JVM's {@code java} binary and class
 * path: {@link #start} launches them and waits until each is warm, {@link #go} lets them all drain at once, and
 * {@link #await} waits for them to end and reads each one's figures. Their standard error is this process'.
 */
final class WorkerJvms {
    private final List<Child> children;

    private WorkerJvms(List<Child> children) {
        this.children = List.copyOf(children);
    }

    /** One started worker JVM, and how it ended ({@code figures} empty when it printed none). */
    record Ended(int exitCode, Optional<ChildFigures> figures) {
    }

    /**
     * Starts {@code count} worker JVMs and waits until every one has warmed up.
     *
     * @param jvmOptions options for each JVM before its main class, e.g. {@code -Xmx128m}
     */
    static WorkerJvms start(int count, List<String> jvmOptions, String url, String queue, int concurrency,
                            int warmup) {
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                children.add(Child.start(command(jvmOptions, url, queue, concurrency, "bench-jvm" + i, warmup)));
            }
            for (Child child : children) {
                child.awaitReady();
            }
        } catch (RuntimeException e) {
            children.forEach(Child::kill);
            throw e;
        }
        return new WorkerJvms(children);
    }

    /** The command line of one worker JVM. */
    static List<String> command(List<String> jvmOptions, String url, String queue, int concurrency, String name,
                                int warmup) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(),
                "--url", url, "--queue", queue, "--concurrency", String.valueOf(concurrency), "--name", name,
                "--warmup", String.valueOf(warmup)));
        return command;
    }

    /** Tells every worker JVM to start draining. */
    void go() {
        children.forEach(Child::go);
    }

    /**
     * Waits until every worker JVM has ended. {@code progress} (jobs finished so far) is read once a second; when
     * it has not moved for {@code stall}, the JVMs are killed and this throws.
     */
    List<Ended> await(LongSupplier progress, Duration stall) throws InterruptedException {
        long last = -1;
        long lastMove = System.nanoTime();
        for (Child child : children) {
            while (!child.process.waitFor(1, TimeUnit.SECONDS)) {
                long now = progress.getAsLong();
                if (now != last) {
                    last = now;
                    lastMove = System.nanoTime();
                } else if (System.nanoTime() - lastMove > stall.toNanos()) {
                    children.forEach(Child::kill);
                    throw new IllegalStateException("the worker JVMs finished no job for " + stall.toSeconds()
                            + " s (" + now + " finished); killed");
                }
            }
        }
        List<Ended> ended = new ArrayList<>();
        for (Child child : children) {
            ended.add(new Ended(child.process.exitValue(), child.figures()));
        }
        return ended;
    }

    /** One child process and its standard output. */
    private record Child(Process process, BufferedReader out, Writer in) {

        static Child start(List<String> command) {
            try {
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)), new java.io.OutputStreamWriter(process.getOutputStream(),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a worker JVM: " + command.get(0), e);
            }
        }

        void awaitReady() {
            String line;
            while ((line = readLine()) != null) {
                if (line.equals(WorkerProcess.READY)) {
                    return;
                }
            }
            throw new IllegalStateException("a worker JVM ended before it was ready; exit code "
                    + exitCode());
        }

        void go() {
            try {
                in.write("go\n");
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("a worker JVM does not take its go line", e);
            }
        }

        Optional<ChildFigures> figures() {
            String line;
            while ((line = readLine()) != null) {
                Optional<ChildFigures> figures = ChildFigures.fromLine(line);
                if (figures.isPresent()) {
                    return figures;
                }
            }
            return Optional.empty();
        }

        void kill() {
            process.destroyForcibly();
        }

        private String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }

        private int exitCode() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }
}
