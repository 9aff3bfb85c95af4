package dev.jrq.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} process on a free loopback port, without persistence: the one on the PATH, or,
 * where there is none, the Linux binary that the {@code com.github.codemonstur:embedded-redis} jar ships.
 */
public final class RedisProcess {
    private static final String EMBEDDED_BINARY = "/redis-server-6.2.6-v5-linux-amd64";

    private final Path executable;
    private final int port;
    private final List<String> persistence;
    private Process process;

    private RedisProcess(Path executable, int port, List<String> persistence) {
        this.executable = executable;
        this.port = port;
        this.persistence = persistence;
    }

    /** Starts a server on a free port, without persistence, and waits until it accepts connections. */
    public static RedisProcess start() {
        RedisProcess redis = new RedisProcess(findExecutable(), freePort(), List.of("--save", "", "--appendonly", "no"));
        redis.startAgain();
        return redis;
    }

    /**
     * Starts a server on a free port that keeps its data in an append-only file in {@code dataDir} (fsync every
     * write), so that a restart with {@link #stop()} and {@link #startAgain()} loses nothing, as a production
     * Redis would.
     */
    public static RedisProcess startAppendOnly(Path dataDir) {
        RedisProcess redis = new RedisProcess(findExecutable(), freePort(), List.of("--save", "", "--appendonly",
                "yes", "--appendfsync", "always", "--dir", dataDir.toAbsolutePath().toString()));
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Where the binary came from, for the test log. */
    public Path executable() {
        return executable;
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            List<String> command = new java.util.ArrayList<>(List.of(executable.toString(), "--port",
                    String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "no"));
            command.addAll(persistence);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        awaitListening();
    }

    /** Stops the server at once (SIGKILL), as a crash would. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

    private static Path findExecutable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return extractEmbedded();
    }

    private static Path extractEmbedded() {
        try (InputStream in = RedisProcess.class.getResourceAsStream(EMBEDDED_BINARY)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on the PATH and no embedded-redis binary on the "
                        + "class path; install redis-server (apt-get install redis-server)");
            }
            Path binary = Files.createTempFile("jrq-redis-server", "");
            Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
            binary.toFile().setExecutable(true);
            binary.toFile().deleteOnExit();
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedded redis-server", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
