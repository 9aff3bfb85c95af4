package dev.jrq.examples;

import dev.jrq.api.JrqException;
import dev.jrq.dashboard.DashboardOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first command: finds a Redis ({@code JRQ_REDIS_URL}, else one on localhost:6379, else an embedded
 * one on a free port), starts a worker with the scheduler, the page-visit app and the dashboard, prints where
 * they are, runs the seed's jobs and enqueues a few more (a welcome mail, visits, a job due in 10 s, a recurring
 * one), then keeps running until Ctrl-C, which stops everything it started. With {@code --once} it stops after
 * the seed's jobs instead.
 *
 * <pre>{@code
 * java -jar examples/target/jrq-demo.jar [--once] [--port 5000] [--dashboard-port 9181]
 * }</pre>
 */
@Command(name = "jrq-demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs JRQ in one process: Redis (found or embedded), a worker with the scheduler, the "
                + "page-visit app and the dashboard, with a few jobs to look at. Ctrl-C stops it.")
public final class Demo implements Callable<Integer> {
    @Option(names = "--once", description = "Stop after the seed's jobs have run instead of waiting for Ctrl-C.")
    boolean once;

    @Option(names = {"-p", "--port"}, description = "Page-visit app port; the next free one when it is taken "
            + "(default: " + PageVisitApp.DEFAULT_PORT + ").")
    int pageVisitPort = PageVisitApp.DEFAULT_PORT;

    @Option(names = "--dashboard-port", description = "Dashboard port; the next free one when it is taken "
            + "(default: " + DashboardOptions.DEFAULT_PORT + ").")
    int dashboardPort = DashboardOptions.DEFAULT_PORT;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Demo());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            Throwable userError = userError(error);
            if (userError == null) {
                throw error;
            }
            line.getErr().println("jrq-demo: " + userError.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedRedis redis = EmbeddedRedis.findOrStart();
        System.out.println("Redis: " + redis.url() + (redis.isEmbedded() ? " (embedded, started for this demo)" : ""));
        DemoServices services = new DemoServices(redis);
        // why: before anything starts, so that Ctrl-C during the start still stops what did (Redis above all)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(services), "jrq-demo-stop"));
        try {
            services.start(pageVisitPort, dashboardPort);
        } catch (RuntimeException e) {
            stop(services);
            throw e;
        }
        System.out.println("JRQ demo is running:\n" + services.describe());
        DemoJobs jobs = new DemoJobs(services.client());
        jobs.runSeedJobs(services.pageVisit());
        if (once) {
            stop(services);
            return 0;
        }
        services.onStop(jobs.enqueueShowcase(services.pageVisit()));
        System.out.println("The demo keeps running: dashboard " + services.dashboard().url() + "/, page-visit app "
                + services.pageVisit().url() + ". From Python: Queue('default', connection=Redis.from_url('"
                + redis.url() + "'), serializer=JSONSerializer).enqueue('test_job.i_am_a_job', 7). Ctrl-C stops.");
        new CountDownLatch(1).await(); // why: the shutdown hook stops everything on Ctrl-C
        return 0;
    }

    /**
     * The cause a user can act on (Redis unreachable, every port taken, a bad option; Guice wraps them), or null
     * for a bug.
     */
    private static Throwable userError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JrqException || cause instanceof PortInUseException
                    || cause instanceof IllegalArgumentException) {
                return cause;
            }
        }
        return null;
    }

    private static void stop(DemoServices services) {
        if (services.stopAll()) {
            System.out.println("Demo stopped.");
        }
    }
}
