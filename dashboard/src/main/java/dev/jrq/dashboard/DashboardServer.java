package dev.jrq.dashboard;

import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.JrqClient;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dashboard: the web UI, the JSON API, live events and {@code /metrics}, over one {@link JrqClient}.
 * Embeddable: the jar's main, tests and the demo start it the same way. Closing it stops the HTTP server and the
 * poller; the client stays open (its owner closes it).
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.start(client, DashboardOptions.builder().port(0).build())) {
 *     System.out.println("Dashboard on " + server.url());
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final Javalin app;
    private final LivePoller poller;
    private final String host;

    private DashboardServer(Javalin app, LivePoller poller, String host) {
        this.app = app;
        this.poller = poller;
        this.host = host;
    }

    /**
     * Starts serving at once.
     *
     * @throws IllegalArgumentException when the options would expose it off loopback without credentials (see
     *                                  {@link DashboardOptions#exposureProblem()}), or the address cannot be
     *                                  listened on
     */
    public static DashboardServer start(JrqClient client, DashboardOptions options) {
        options.exposureProblem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        ReadModel reads = new ReadModel(client, options.readOnly());
        LivePoller poller = new LivePoller(reads, client.throughput(), client.clock(), options.pollInterval());
        Javalin app = Javalin.create(config -> configure(config, client, options, reads, poller));
        try {
            app.start(options.bind(), options.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalArgumentException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                    + rootMessage(e), e);
        }
        poller.start();
        return new DashboardServer(app, poller, urlHost(options.bind()));
    }

    private static void configure(JavalinConfig config, JrqClient client, DashboardOptions options, ReadModel reads,
            LivePoller poller) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        SecurityFilter security = new SecurityFilter(options);
        config.routes.before(security::handle);
        config.routes.exception(HttpError.class, (error, ctx) ->
                Json.respond(ctx, error.status(), Map.of("error", error.getMessage())));
        config.routes.exception(HttpResponseException.class, (error, ctx) ->
                Json.respond(ctx, error.getStatus(), Map.of("error", switch (error.getStatus()) {
                    case 404 -> "no such route";
                    case 405 -> "method not allowed";
                    default -> error.getMessage();
                } + ": " + ctx.method() + " " + ctx.path())));
        config.routes.exception(NoSuchJobException.class, (error, ctx) ->
                Json.respond(ctx, 404, Map.of("error", error.getMessage())));
        config.routes.exception(IllegalArgumentException.class, (error, ctx) ->
                Json.respond(ctx, 400, Map.of("error", String.valueOf(error.getMessage()))));
        config.routes.exception(Exception.class, (error, ctx) -> {
            if (isRedisFailure(error)) {
                LOG.warn("{} {} failed: Redis did not answer: {}", ctx.method(), ctx.path(), rootMessage(error));
                Json.respond(ctx, 503, Map.of("error", "Redis did not answer: " + rootMessage(error)));
                return;
            }
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), error);
            Json.respond(ctx, 500, Map.of("error", "internal error (" + error.getClass().getSimpleName()
                    + "); the dashboard's log has the details"));
        });
        new StaticRoutes().register(config.routes);
        new ActionRoutes(client).register(config.routes);
        new ReadRoutes(client, reads, poller).register(config.routes);
        new EventRoutes(poller).register(config.routes);
        new MetricsRoute(client, reads).register(config.routes);
    }

    /** Where the dashboard answers, e.g. {@code http://127.0.0.1:9181} (loopback when bound to every interface). */
    public String url() {
        return "http://" + host + ":" + port();
    }

    public int port() {
        return app.port();
    }

    /** How many times the shared poller has read Redis for the live views (for tests and diagnostics). */
    long pollerTicks() {
        return poller.ticks();
    }

    int eventListeners() {
        return poller.listenerCount();
    }

    @Override
    public void close() {
        poller.close();
        app.stop();
    }

    private static String urlHost(String bind) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (address.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            return bind.contains(":") ? "[" + bind + "]" : bind;
        } catch (UnknownHostException e) {
            return bind;
        }
    }

    /** Whether the failure came from the Redis client (core's Redisson): a 503, not a bug. */
    private static boolean isRedisFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("org.redisson.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
