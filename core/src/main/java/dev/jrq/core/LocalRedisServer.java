package dev.jrq.core;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process of JRQ's own on a free loopback port, for the demo, the benchmark and the tests:
 * started, awaited until it accepts connections, stopped (and restarted on the same port for fault tests).
 *
 * <pre>{@code
 * try (LocalRedisServer redis = LocalRedisServer.start(LocalRedisServer.onPath().orElseThrow(),
 *         LocalRedisServer.NO_PERSISTENCE, false)) {
 *     JrqClient client = JrqClient.connect(RedisConfig.fromUrl(redis.url()));
 * }
 * }</pre>
 */
public final class LocalRedisServer implements AutoCloseable {
    /** Keep nothing on disk. */
    public static final List<String> NO_PERSISTENCE = List.of("--save", "", "--appendonly", "no");
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path executable;
    private final int port;
    private final List<String> persistence;
    private final boolean ownSession;
    private Process process;

    private LocalRedisServer(Path executable, int port, List<String> persistence, boolean ownSession) {
        this.executable = executable;
        this.port = port;
        this.persistence = List.copyOf(persistence);
        this.ownSession = ownSession;
    }

    /** The {@code redis-server} on the {@code PATH}, if there is one. */
    public static Optional<Path> onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts {@code executable} on a free port and waits until it accepts connections.
     *
     * @param persistence extra arguments for what to keep on disk, e.g. {@link #NO_PERSISTENCE}
     * @param ownSession  run it in a session of its own ({@code setsid}, where there is one), so that Ctrl-C in a
     *                    terminal reaches only the Java process, which stops Redis last
     */
    public static LocalRedisServer start(Path executable, List<String> persistence, boolean ownSession) {
        LocalRedisServer redis = new LocalRedisServer(executable, freePort(), persistence, ownSession);
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path executable() {
        return executable;
    }

    /** Starts the server again on the same port after {@link #kill()}; does nothing while it runs. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        if (ownSession && Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(executable.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--protected-mode", "no"));
        command.addAll(persistence);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        awaitListening();
    }

    /** Stops the server at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        end(true);
    }

    /** Stops the server (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public synchronized void close() {
        end(false);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(executable + " exited with code " + process.exitValue()
                            + " on port " + port);
                }
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException(executable + " did not listen on port " + port + " within 20 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
