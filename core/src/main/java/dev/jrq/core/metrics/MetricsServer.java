package dev.jrq.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the registry as Prometheus text on {@code http://host:port/metrics}, with the JDK's HTTP server. Started
 * and stopped by the process that owns it.
 *
 * <pre>{@code
 * MetricsServer server = MetricsServer.start(9191, registry);
 * ...
 * server.stop();
 * }</pre>
 */
public final class MetricsServer {
    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code port} (0 for a free one) on every interface.
     *
     * @throws IllegalArgumentException when the port cannot be listened on (in use, not allowed)
     */
    public static MetricsServer start(int port, PrometheusMeterRegistry registry) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve /metrics on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> respond(exchange, registry));
        server.start();
        return new MetricsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
