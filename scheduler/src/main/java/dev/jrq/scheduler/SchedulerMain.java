package dev.jrq.scheduler;

import dev.jrq.core.metrics.MetricsServer;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.jrq.api.JrqException;
import dev.jrq.core.DurationText;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqCoreModule;
import dev.jrq.core.JrqSettings;
import dev.jrq.core.RedisConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import sun.misc.Signal;

/**
 * {@code java -jar jrq-scheduler.jar [options] [QUEUE...]}: moves due scheduled jobs of the queues (all when none
 * are named) and fires recurring schedules, until stopped; its subcommands manage the recurring schedules.
 *
 * <pre>{@code
 * java -jar scheduler/target/jrq-scheduler.jar --url redis://127.0.0.1:6379 --metrics-port 9191
 * java -jar scheduler/target/jrq-scheduler.jar add digest --cron "0 8 * * *" --timezone Europe/Paris --job mail.digest
 * java -jar scheduler/target/jrq-scheduler.jar list
 * }</pre>
 */
@Command(name = "jrq-scheduler", mixinStandardHelpOptions = true, version = "jrq-scheduler 0.1.0", sortOptions = false,
        description = "Moves due scheduled jobs to their queues (all queues when none are named) and fires recurring "
                + "schedules, until stopped.",
        subcommands = {ScheduleCommands.Add.class, ScheduleCommands.ListSchedules.class, ScheduleCommands.Pause.class,
                ScheduleCommands.Resume.class, ScheduleCommands.Remove.class, ScheduleCommands.Load.class})
public final class SchedulerMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerMain.class);

    @Parameters(paramLabel = "QUEUE", description = "Queues whose scheduled jobs to move; default: every queue.")
    List<String> queues = new ArrayList<>();

    @Option(names = {"-u", "--url"}, scope = ScopeType.INHERIT, description = "Redis URL, "
            + "redis://[user:password@]host[:port][/db]; default: $JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    @Option(names = "--redis-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Redisson YAML file (Sentinel, replicas, TLS; not Cluster).")
    Path redisConfig;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON file of recurring schedules to "
            + "register at start (unchanged ones keep their next run).")
    Path config;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "Longest sleep between passes "
            + "(default: 500ms); it also wakes at the next due time.")
    String pollInterval = DurationText.format(SchedulerOptions.DEFAULT_POLL);

    @Option(names = "--lock-ttl", paramLabel = "DURATION", description = "Expiry of a queue's scheduler lock: "
            + "how soon another scheduler takes over from one that died (default: 15s).")
    String lockTtl = DurationText.format(SchedulerOptions.DEFAULT_LOCK_TTL);

    @Option(names = {"-n", "--name"}, description = "Scheduler name (default: host.pid.random).")
    String name;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on "
            + "http://0.0.0.0:PORT/metrics.")
    Integer metricsPort;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code: 0 done (the scheduler after SIGTERM or SIGINT, once it has
     * let go of its locks), 1 bad input or Redis unreachable.
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SchedulerMain()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            Throwable userError = userError(error);
            if (userError == null) {
                throw error;
            }
            line.getErr().println("jrq-scheduler: " + userError.getMessage());
            return 1;
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("jrq-scheduler: " + error.getMessage());
            error.getCommandLine().getErr().println("Try 'jrq-scheduler --help'.");
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        SchedulerOptions options = new SchedulerOptions(name == null ? defaultName() : name, queues,
                duration(pollInterval, "--poll-interval"), duration(lockTtl, "--lock-ttl"), 0);
        var schedules = config == null ? List.<dev.jrq.core.Schedule>of() : ScheduleFile.read(config);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Injector injector = Guice.createInjector(new JrqCoreModule(JrqSettings.of(redis())),
                new SchedulerModule(options, registry));
        JrqClient client = injector.getInstance(JrqClient.class);
        ScheduleCommands.save(client, schedules, LOG::info);
        Scheduler scheduler = injector.getInstance(Scheduler.class);
        MetricsServer metrics = metricsPort == null ? null
                : MetricsServer.start(metricsPort, registry);
        if (metrics != null) {
            LOG.info("Metrics on http://0.0.0.0:{}/metrics", metrics.port());
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        // why: with a shutdown hook alone the JVM exits 143 on SIGTERM; a handled signal lets main return 0
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> {
                LOG.info("SIG{}: stopping", received.getName());
                stopRequested.countDown();
            });
        }
        LOG.info("Connected to {}", client.config().description());
        scheduler.start();
        stopRequested.await();
        scheduler.stop();
        if (metrics != null) {
            metrics.stop();
        }
        client.close();
        return 0;
    }

    RedisConfig redis() {
        if (redisConfig != null) {
            return RedisConfig.fromYaml(redisConfig);
        }
        return url != null ? RedisConfig.fromUrl(url) : RedisConfig.fromEnvironment();
    }

    static Duration duration(String text, String option) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
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

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host.replace(' ', '-') + "." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
