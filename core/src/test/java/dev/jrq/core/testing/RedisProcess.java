package dev.jrq.core.testing;

import dev.jrq.core.LocalRedisServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The tests' private {@code redis-server}: the one on the PATH, or, where there is none, the Linux binary that the
 * {@code com.github.codemonstur:embedded-redis} test dependency ships; run by core's {@link LocalRedisServer}.
 */
public final class RedisProcess {
    private static final String EMBEDDED_BINARY = "/redis-server-6.2.6-v5-linux-amd64";

    private final LocalRedisServer server;

    private RedisProcess(LocalRedisServer server) {
        this.server = server;
    }

    /** Starts a server on a free port, without persistence, and waits until it accepts connections. */
    public static RedisProcess start() {
        return new RedisProcess(LocalRedisServer.start(findExecutable(), LocalRedisServer.NO_PERSISTENCE, false));
    }

    /**
     * Starts a server on a free port that keeps its data in an append-only file in {@code dataDir} (fsync every
     * write), so that a restart with {@link #stop()} and {@link #startAgain()} loses nothing, as a production
     * Redis would.
     */
    public static RedisProcess startAppendOnly(Path dataDir) {
        return new RedisProcess(LocalRedisServer.start(findExecutable(), List.of("--save", "", "--appendonly", "yes",
                "--appendfsync", "always", "--dir", dataDir.toAbsolutePath().toString()), false));
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    /** Where the binary came from, for the test log. */
    public Path executable() {
        return server.executable();
    }

    /** Starts the server again on the same port after {@link #stop()}. */
    public void startAgain() {
        server.startAgain();
    }

    /** Stops the server at once (SIGKILL), as a crash would. */
    public void stop() {
        server.kill();
    }

    private static Path findExecutable() {
        return LocalRedisServer.onPath().orElseGet(RedisProcess::extractEmbedded);
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
}
