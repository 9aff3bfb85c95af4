package dev.jrq.examples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes of one test, as a user would start them, and destroys every one still running when the
 * test ends ({@link ProcessesExtension} closes it). Java runs with this test's own JVM; Python is Debian's
 * {@code /usr/bin/python3} with its {@code rq}. Paths are relative to the examples module, failsafe's working
 * directory; the jars are built in the {@code package} phase.
 *
 * <pre>{@code
 * processes.worker(redis.url(), "--burst", "default").awaitSuccess();
 * processes.javaJar(Processes.DEMO_JAR, Map.of("JRQ_REDIS_URL", redis.url()), "--once").awaitSuccess();
 * }</pre>
 */
final class Processes implements AutoCloseable {
    static final Path WORKER_JAR = Path.of("../worker/target/jrq-worker.jar");
    static final Path EXAMPLES_JAR = Path.of("target/jrq-examples.jar");
    static final Path DEMO_JAR = Path.of("target/jrq-demo.jar");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path RQ = Path.of("/usr/bin/rq");

    private final List<RunningProcess> started = new ArrayList<>();

    /** The worker with the examples' jobs: {@code java -jar jrq-worker.jar --url URL --path jrq-examples.jar ...}. */
    RunningProcess worker(String redisUrl, String... args) {
        List<String> command = javaCommand("-jar", built(WORKER_JAR).toString(),
                "--url", redisUrl, "--path", built(EXAMPLES_JAR).toString());
        command.addAll(List.of(args));
        return start("jrq-worker", command, null, Map.of());
    }

    /** {@code java -jar JAR ARGS...} with extra environment variables. */
    RunningProcess javaJar(Path jar, Map<String, String> environment, String... args) {
        List<String> command = javaCommand("-jar", built(jar).toString());
        command.addAll(List.of(args));
        return start(jar.getFileName().toString(), command, null, environment);
    }

    /** {@code java -cp JAR MAIN_CLASS ARGS...}. */
    RunningProcess javaMain(Path jar, String mainClass, String... args) {
        return javaMain(List.of(jar), mainClass, args);
    }

    /** {@code java -cp JAR:JAR... MAIN_CLASS ARGS...}. */
    RunningProcess javaMain(List<Path> classPath, String mainClass, String... args) {
        List<String> command = javaCommand("-cp", String.join(File.pathSeparator,
                classPath.stream().map(jar -> built(jar).toString()).toList()), mainClass);
        command.addAll(List.of(args));
        return start(mainClass.substring(mainClass.lastIndexOf('.') + 1), command, null, Map.of());
    }

    /** {@code /usr/bin/python3 -c SCRIPT ARGS...}; the script sees the arguments as {@code sys.argv[1:]}. */
    RunningProcess python(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(List.of(args));
        return start("python", command, null, Map.of());
    }

    /** {@code /usr/bin/rq ARGS...} run in {@code workingDirectory} (RQ puts it on {@code sys.path}). */
    RunningProcess rq(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>(List.of(RQ.toString()));
        command.addAll(List.of(args));
        return start("rq", command, workingDirectory, Map.of());
    }

    /** Destroys every process this test started that is still running. */
    @Override
    public synchronized void close() {
        started.forEach(RunningProcess::destroy);
        started.clear();
    }

    private synchronized RunningProcess start(String label, List<String> command, Path directory,
                                              Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        // why: the developer's own settings must not send a test's process to another Redis or Python
        builder.environment().keySet().removeAll(List.of("JRQ_REDIS_URL", "PYTHONPATH", "PYTHONHOME"));
        builder.environment().putAll(environment);
        try {
            RunningProcess process = new RunningProcess(label, builder.start());
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** This JVM's {@code java} and then {@code arguments}, in a list the caller may extend. */
    private static List<String> javaCommand(String... arguments) {
        // why: C1 only starts the jars about 1.5 s sooner; short test runs never need C2's code
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Path built(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize() + " is missing; build it first: "
                    + "mvn -B -o package -pl worker,examples -DskipTests");
        }
        return jar;
    }
}
