package dev.jrq.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import redis.embedded.RedisServer;

/** Finds a Redis for the demo: {@code JRQ_REDIS_URL}, else one on localhost:6379, else an embedded one. */
final class EmbeddedRedis implements AutoCloseable {
    private final String url;
    private final RedisServer server;

    private EmbeddedRedis(String url, RedisServer server) {
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
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new EmbeddedRedis("redis://127.0.0.1:" + port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis on port " + port, e);
        }
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
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
