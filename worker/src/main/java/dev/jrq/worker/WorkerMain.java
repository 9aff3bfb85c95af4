package dev.jrq.worker;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.jrq.api.JrqException;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqCoreModule;
import dev.jrq.core.JrqSettings;
import dev.jrq.core.RedisConfig;
import dev.jrq.core.metrics.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.jrq.scheduler.Scheduler;
import dev.jrq.scheduler.SchedulerModule;
import dev.jrq.scheduler.SchedulerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar jrq-worker.jar [options] [QUEUE...]}: runs jobs from RQ-layout queues.
 *
 * <pre>{@code
 * java -jar worker/target/jrq-worker.jar --url redis://127.0.0.1:6379 --path my-jobs.jar --burst default
 * }</pre>
 */
@Command(name = "jrq-worker", mixinStandardHelpOptions = true, version = Worker.VERSION, sortOptions = false,
        description = "Runs jobs from the given queues (highest priority first; default: default).")
public final class WorkerMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);
    /** The exit code after a cold shutdown (a second signal), as a shell reports an interrupted program. */
    static final int EXIT_COLD = 130;

    @Parameters(paramLabel = "QUEUE", description = "Queues to take jobs from, highest priority first.")
    List<String> queues = new ArrayList<>(List.of("default"));

    @Option(names = {"-u", "--url"}, description = "Redis URL, redis://[user:password@]host[:port][/db]; "
            + "default: $JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    @Option(names = "--redis-config", paramLabel = "FILE",
            description = "Redisson YAML file (Sentinel, replicas, TLS; not Cluster).")
    Path redisConfig;

    @Option(names = {"-P", "--path"}, paramLabel = "JAR|DIR",
            description = "Jars or folders with job handlers; repeatable.")
    List<String> path = new ArrayList<>();

    @Option(names = {"-n", "--name"}, description = "Worker name (default: host.pid).")
    String name;

    @Option(names = {"-c", "--concurrency"}, description = "Jobs run at once (default: number of cores).")
    int concurrency = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-b", "--burst"}, description = "Exit once the queues are empty.")
    boolean burst;

    @Option(names = "--dequeue-strategy", paramLabel = "STRATEGY", description = "default (priority order), "
            + "round_robin or random, as RQ's.")
    String dequeueStrategy = "default";

    @Option(names = "--max-jobs", paramLabel = "N", description = "Stop warmly after N jobs (default: no limit).")
    int maxJobs;

    @Option(names = "--max-idle-time", paramLabel = "SECONDS",
            description = "Stop after this long without a job (default: no limit).")
    Long maxIdleSeconds;

    @Option(names = "--lease", paramLabel = "SECONDS", description = "How long a running job's lease lasts unless "
            + "renewed; a job whose worker dies is taken over after at most this (default: 60).")
    int leaseSeconds = 60;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://0.0.0.0:PORT/metrics (default: off).")
    Integer metricsPort;

    @Option(names = {"-S", "--serializer"}, description = "Serializer name (default: json, RQ's JSONSerializer).")
    String serializer = "json";

    @Option(names = {"-s", "--with-scheduler"}, description = "Also run a scheduler for these queues: move their "
            + "due scheduled jobs (in burst mode once, before working) and fire recurring schedules.")
    boolean withScheduler;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the worker command line and returns its exit code: 0 done, 1 bad input or Redis unreachable, 2 a slot
     * died of an internal error (logged).
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new WorkerMain()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            Throwable userError = userError(error);
            if (userError == null) {
                throw error;
            }
            line.getErr().println("jrq-worker: " + userError.getMessage());
            return 1;
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println("jrq-worker: " + error.getMessage());
            error.getCommandLine().getErr().println("Try 'jrq-worker --help'.");
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        WorkerOptions options = new WorkerOptions(name == null ? defaultName() : name, queues, concurrency, burst,
                Duration.ofSeconds(leaseSeconds), DequeueStrategy.fromCliName(dequeueStrategy), maxJobs,
                maxIdleSeconds == null ? null : Duration.ofSeconds(maxIdleSeconds));
        // why: each slot may hold a connection while it waits in BLPOP; the heartbeat and reaper need their own
        JrqSettings settings = new JrqSettings(redis().withMinimumPoolSize(concurrency + 16), serializerName(),
                PluginPath.classLoader(path, WorkerMain.class.getClassLoader()));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Injector injector = Guice.createInjector(new JrqCoreModule(settings), new WorkerModule(options, meters),
                new SchedulerModule(SchedulerOptions.defaults(options.name(), options.queues()), meters));
        JrqClient client = injector.getInstance(JrqClient.class);
        JobHandlers handlers = injector.getInstance(JobHandlers.class);
        LOG.info("Connected to {}; handlers: {}", settings.redis().description(), handlers.names());
        Worker worker = injector.getInstance(Worker.class);
        Scheduler scheduler = withScheduler ? injector.getInstance(Scheduler.class) : null;
        startScheduler(scheduler);
        MetricsServer metrics = metricsPort == null ? null : MetricsServer.start(metricsPort, meters);
        if (metrics != null) {
            LOG.info("Metrics on http://0.0.0.0:{}/metrics", metrics.port());
        }
        ShutdownSignals signals = ShutdownSignals.install(worker, () -> {
            client.close();
            Runtime.getRuntime().halt(EXIT_COLD);
        });
        worker.start();
        worker.awaitSlots();
        signals.awaitColdExit();
        worker.stop(Duration.ZERO);
        injector.getInstance(Key.get(JrqClient.class, Names.named("timers"))).close();
        if (scheduler != null) {
            scheduler.stop();
        }
        if (metrics != null) {
            metrics.stop();
        }
        client.close();
        return worker.slotFailure() == null ? 0 : 2;
    }

    /**
     * Runs the embedded scheduler: in burst mode one pass before the slots start (as RQ's burst worker does), then
     * its locks are let go; otherwise its loop on a thread of its own until the worker stops.
     */
    private void startScheduler(Scheduler scheduler) {
        if (scheduler == null) {
            return;
        }
        if (burst) {
            scheduler.runOnce();
            scheduler.stop();
        } else {
            scheduler.start();
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

    private RedisConfig redis() {
        if (redisConfig != null) {
            return RedisConfig.fromYaml(redisConfig);
        }
        return url != null ? RedisConfig.fromUrl(url) : RedisConfig.fromEnvironment();
    }

    private String serializerName() {
        // why: RQ users pass RQ's dotted class path; it names the same format.
        return "rq.serializers.JSONSerializer".equals(serializer) ? "json" : serializer;
    }

    private static String defaultName() {
        return Worker.hostname().replace(':', '-').replace(' ', '-') + "." + ProcessHandle.current().pid();
    }
}
