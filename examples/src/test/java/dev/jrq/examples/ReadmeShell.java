package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs README commands as a reader would, with {@code bash} in the root of the checkout, against a test's Redis:
 * {@code JRQ_REDIS_URL} points at it, and the README's {@code redis://127.0.0.1:6379} and fixed ports are replaced
 * by the test's. Each command must be one the README shows, word for word; what ran is recorded so that a test can
 * check that none was left out.
 */
final class ReadmeShell implements AutoCloseable {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final Set<String> readmeCommands;
    private final Set<String> ran;
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<RunningProcess> started = new ArrayList<>();

    ReadmeShell(Set<String> readmeCommands, Set<String> ran, String redisUrl) {
        this.readmeCommands = readmeCommands;
        this.ran = ran;
        replacements.put("redis://127.0.0.1:6379", redisUrl);
        environment.put("JRQ_REDIS_URL", redisUrl);
        // why: C1 only starts each JVM about a second sooner; these short runs never need C2's code
        environment.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    }

    /** From now on, {@code readmeText} in a command is run as {@code replacement} (a port, a file). */
    ReadmeShell replacing(String readmeText, String replacement) {
        replacements.put(readmeText, replacement);
        return this;
    }

    /** Runs the README command to its end and returns it, failing the test unless it exits 0. */
    RunningProcess run(String command) {
        return start(command).awaitSuccess();
    }

    /** Starts the README command (a server, a worker); {@link #close()} stops what is still running. */
    RunningProcess start(String command) {
        assertThat(readmeCommands).as("commands in the README's sh blocks").contains(command);
        ran.add(command);
        String actual = command;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            actual = actual.replace(replacement.getKey(), replacement.getValue());
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", actual).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("JRQ_"));
        builder.environment().putAll(environment);
        try {
            RunningProcess process = new RunningProcess(actual.length() > 40 ? actual.substring(0, 40) : actual,
                    builder.start());
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bash for " + actual, e);
        }
    }

    @Override
    public void close() {
        started.forEach(RunningProcess::destroy);
        started.clear();
    }
}
