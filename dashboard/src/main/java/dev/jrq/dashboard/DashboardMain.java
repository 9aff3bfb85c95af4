package dev.jrq.dashboard;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.jrq.api.JrqException;
import dev.jrq.core.DurationText;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqCoreModule;
import dev.jrq.core.JrqSettings;
import dev.jrq.core.RedisConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code java -jar jrq-dashboard.jar [options]}: serves the dashboard until SIGTERM or Ctrl-C. Usable as the
 * {@code jrq dashboard} subcommand: {@link #call()} returns the exit code and never exits the JVM.
 *
 * <pre>{@code
 * java -jar dashboard/target/jrq-dashboard.jar --url redis://127.0.0.1:6379
 * JRQ_DASHBOARD_PASSWORD=s3cret java -jar dashboard/target/jrq-dashboard.jar --bind 0.0.0.0 --username ops
 * }</pre>
 *
 * <p>Exit codes: 0 stopped by a signal; 1 Redis unreachable or the port cannot be listened on; 2 bad usage,
 * including listening off loopback without credentials and without {@code --insecure}.
 */
@Command(name = "jrq-dashboard", mixinStandardHelpOptions = true, version = "jrq-dashboard 0.1.0",
        sortOptions = false, description = "Serves the JRQ dashboard: web UI, JSON API, live events and /metrics.")
public final class DashboardMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardMain.class);

    @Option(names = {"-u", "--url"}, description = "Redis URL, redis://[user:password@]host[:port][/db]; default: "
            + "$JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    @Option(names = "--redis-config", paramLabel = "FILE",
            description = "Redisson YAML file (Sentinel, replicas, TLS; not Cluster).")
    Path redisConfig;

    @Option(names = {"-b", "--bind"}, description = "Address to listen on (default: 127.0.0.1).")
    String bind = DashboardOptions.DEFAULT_BIND;

    @Option(names = {"-p", "--port"}, description = "Port (default: 9181; 0 picks a free one).")
    int port = DashboardOptions.DEFAULT_PORT;

    @Option(names = "--username", description = "Basic-auth user name; default: $JRQ_DASHBOARD_USERNAME.")
    String username;

    @Option(names = "--password", description = "Basic-auth password; default: $JRQ_DASHBOARD_PASSWORD.")
    String password;

    @Option(names = "--token", description = "Bearer token (Authorization: Bearer TOKEN); default: "
            + "$JRQ_DASHBOARD_TOKEN.")
    String token;

    @Option(names = "--insecure", description = "Allow listening off loopback without credentials.")
    boolean insecure;

    @Option(names = "--read-only", description = "Refuse every action and hide them in the UI.")
    boolean readOnly;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "How often the live views read "
            + "Redis while someone watches (default: 1s, at least 250ms).")
    String pollInterval = "1s";

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final boolean handleSignals;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile DashboardServer server;

    /** The command as the jar runs it: the process environment, stopped by SIGTERM or SIGINT. */
    public DashboardMain() {
        this(System.getenv(), true);
    }

    DashboardMain(Map<String, String> environment, boolean handleSignals) {
        this.environment = environment;
        this.handleSignals = handleSignals;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see the class comment). */
    public static int run(String... args) {
        return run(new DashboardMain(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(DashboardMain command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(command).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            Throwable userError = userError(error);
            if (userError == null) {
                throw error;
            }
            line.getErr().println("jrq-dashboard: " + userError.getMessage());
            return 1;
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("jrq-dashboard: " + error.getMessage());
            error.getCommandLine().getErr().println("Try 'jrq-dashboard --help'.");
            return 2;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        DashboardOptions options;
        try {
            options = options();
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        if (options.exposureProblem().isPresent()) {
            return usageError(options.exposureProblem().get());
        }
        Injector injector = Guice.createInjector(new JrqCoreModule(JrqSettings.of(redis())),
                new DashboardModule(options));
        JrqClient client = injector.getInstance(JrqClient.class);
        try {
            server = injector.getInstance(DashboardServer.class);
            if (handleSignals) {
                for (String signal : List.of("TERM", "INT")) {
                    Signal.handle(new Signal(signal), received -> {
                        LOG.info("SIG{}: stopping", received.getName());
                        stop();
                    });
                }
            }
            LOG.info("JRQ dashboard on {} (Redis {}{})", server.url(), client.config().description(),
                    options.readOnly() ? ", read-only" : "");
            stopRequested.await();
            server.close();
            LOG.info("Dashboard stopped");
            return 0;
        } finally {
            client.close();
        }
    }

    /**
     * Says what was wrong on the command's error stream, after the name the user typed ({@code jrq-dashboard}, or
     * {@code jrq} for {@code jrq dashboard}); returns the exit code of bad usage, 2.
     */
    private int usageError(String message) {
        PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        err.println((spec == null ? "jrq-dashboard" : spec.root().name()) + ": " + message);
        return 2;
    }

    /** Asks a running {@link #call()} to stop the server and return 0. */
    void stop() {
        stopRequested.countDown();
    }

    /** The running server, once {@link #call()} has started it. */
    DashboardServer server() {
        return server;
    }

    DashboardOptions options() {
        Duration interval;
        try {
            interval = DurationText.parse(pollInterval);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--poll-interval: " + e.getMessage());
        }
        try {
            return DashboardOptions.builder().bind(bind).port(port)
                    .username(orEnvironment(username, "JRQ_DASHBOARD_USERNAME"))
                    .password(orEnvironment(password, "JRQ_DASHBOARD_PASSWORD"))
                    .token(orEnvironment(token, "JRQ_DASHBOARD_TOKEN"))
                    .readOnly(readOnly).insecure(insecure).pollInterval(interval).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private RedisConfig redis() {
        if (redisConfig != null) {
            return RedisConfig.fromYaml(redisConfig);
        }
        String given = url != null ? url : environment.get(RedisConfig.URL_VARIABLE);
        return RedisConfig.fromUrl(given == null || given.isBlank() ? RedisConfig.DEFAULT_URL : given);
    }

    private String orEnvironment(String value, String variable) {
        return value != null ? value : environment.get(variable);
    }

    /** The JRQ or argument error behind a failure (Guice wraps them), or null for a bug. */
    private static Throwable userError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JrqException || cause instanceof IllegalArgumentException) {
                return cause;
            }
        }
        return null;
    }

    /** Bad usage of an option, turned into exit code 2 with the message by {@link #call()}. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
