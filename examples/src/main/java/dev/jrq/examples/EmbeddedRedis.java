package dev.jrq.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/** Finds a Redis for the demo: {@code JRQ_REDIS_URL}, else one on localhost:6379, else an embedded one. */
final class EmbeddedRedis implements AutoCloseable {
    private static final String SETSID = "/usr/bin/setsid";

    private final String url;
    private final Process server;

    private EmbeddedRedis(String url, Process server) {
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
            List<String> command = new ArrayList<>(RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").buildCommandArgs());
            if (Files.isExecutable(Path.of(SETSID))) {
                // why: in a session of its own, Ctrl-C in the terminal does not kill Redis before the worker has
                // stopped and unregistered; the demo stops it last
                command.add(0, SETSID);
            }
            // why: started here, not with RedisServer.start(), whose own shutdown hook would stop Redis while the
            // worker is still unregistering; the demo stops it last
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitListening(server, port);
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
            server.destroy();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitListening(Process server, int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (answers(port)) {
                return;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the embedded Redis exited with code " + server.exitValue());
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the embedded Redis did not listen on port " + port + " within 20 s");
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
