package dev.jrq.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jrq.core.JrqClient;
import dev.jrq.examples.jobs.CountVisit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's page-visit app in Java, on the JDK's own HTTP server: {@code GET /visit} enqueues
 * {@code counter.visit} on the {@code default} queue and answers at once; {@code GET /} shows the count the
 * worker keeps in the Redis key {@code count}. Run it as a jar ({@code java -jar
 * examples/target/jrq-page-visit.jar [--port 5000] [--url redis://...]}) or embed it:
 *
 * <pre>{@code
 * try (PageVisitApp app = PageVisitApp.startOnFreePortFrom(client, 5000)) {
 *     System.out.println("Page-visit app on " + app.url()); // on 5001 when 5000 was taken
 * }
 * }</pre>
 */
public final class PageVisitApp implements AutoCloseable {
    /** The seed's port. */
    public static final int DEFAULT_PORT = 5000;
    /** The queue visits are enqueued on, as the seed's {@code Queue(connection=redis)}. */
    public static final String QUEUE = "default";

    private static final Logger LOG = LoggerFactory.getLogger(PageVisitApp.class);

    private final JrqClient client;
    private final HttpServer server;
    private final ExecutorService handlers;

    /** {@code java -jar jrq-page-visit.jar [--port PORT] [--url REDIS_URL]}; see {@code --help}. */
    public static void main(String[] args) {
        System.exit(PageVisitCommand.run(args));
    }

    private PageVisitApp(JrqClient client, HttpServer server) {
        this.client = client;
        this.server = server;
        this.handlers = Executors.newFixedThreadPool(4, PageVisitApp::daemonThread);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * Serves the app on {@code port} (0: any free port) on every interface, enqueuing through {@code client}
     * (which the caller keeps and closes).
     *
     * @throws PortInUseException when another program listens on the port
     */
    public static PageVisitApp start(JrqClient client, int port) {
        try {
            return new PageVisitApp(client, HttpServer.create(new InetSocketAddress(port), 0));
        } catch (BindException e) {
            throw new PortInUseException(port, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the page-visit app on port " + port, e);
        }
    }

    /**
     * Serves the app on {@code firstPort} or, when that is taken, on the next free port after it ({@link #port()}
     * says which).
     *
     * @throws PortInUseException when the 100 ports from {@code firstPort} on are all taken
     */
    public static PageVisitApp startOnFreePortFrom(JrqClient client, int firstPort) {
        return Ports.firstFree(firstPort, port -> start(client, port));
    }

    /** The port the app listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The app's address, {@code http://localhost:PORT/}. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Stops serving; requests under way are cut off. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            } catch (RuntimeException e) {
                // why: Redis down or slow must show as an error page, not as a connection closed without a word
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                answer = new Answer(503, "Redis did not answer: " + e.getMessage());
            }
            byte[] body = answer.text().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer answer(String method, String path) {
        if (!"GET".equals(method)) {
            return new Answer(405, "Only GET is served here.");
        }
        return switch (path) {
            case "/" -> new Answer(200, "Congrats! You are the visitor no.: "
                    + client.counter(CountVisit.COUNT_KEY).get());
            case "/visit" -> {
                client.queue(QUEUE).enqueue(CountVisit.class);
                yield new Answer(200, "Visit has been registered");
            }
            default -> new Answer(404, "Nothing at " + path + "; try / or /visit.");
        };
    }

    /** What one request gets: a status and a line of text. */
    private record Answer(int status, String text) {
    }

    private static Thread daemonThread(Runnable task) {
        Thread thread = new Thread(task, "page-visit-http");
        thread.setDaemon(true);
        return thread;
    }
}
