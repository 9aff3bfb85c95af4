package dev.jrq.examples;

import dev.jrq.core.LocalRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** Finds a Redis for the demo: {@code JRQ_REDIS_URL}, else one on localhost:6379, else an embedded one. */
final class EmbeddedRedis implements AutoCloseable {
    private final String url;
    private final LocalRedisServer server;

    private EmbeddedRedis(String url, LocalRedisServer server) {
        this.url = url;
        this.server = server;
    }

    static EmbeddedRedis findOrStart() {
        String given = System.getenv("JRQ_REDIS_URL");
        if (given != null && !given.isBlank()) {
            return new EmbeddedRedis(given, null);
        }
        if (answers(6379)) {
            return new EmbeddedRedis("redis://127.0.0.1:6379", null);
        }
        // why: the binary the embedded-redis library ships, run by JRQ's own launcher in a session of its own, so
        // that Ctrl-C reaches the demo, which stops Redis after the worker has unregistered
        LocalRedisServer server = LocalRedisServer.start(embeddedBinary(), LocalRedisServer.NO_PERSISTENCE, true);
        return new EmbeddedRedis(server.url(), server);
    }

    String url() {
        return url;
    }

    boolean isEmbedded() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private static Path embeddedBinary() {
        try {
            return Path.of(RedisServer.newRedisServer().buildCommandArgs().get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedded Redis", e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
