package dev.jrq.examples;

import dev.jrq.api.JrqException;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of {@code jrq-page-visit.jar}: serves {@link PageVisitApp} until Ctrl-C. */
@Command(name = "jrq-page-visit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The seed's page-visit app: GET /visit enqueues counter.visit on the default queue, "
                + "GET / shows the visitor count a worker keeps in the Redis key 'count'.")
final class PageVisitCommand implements Callable<Integer> {
    private static final String NAME = "jrq-page-visit";

    @Option(names = {"-p", "--port"}, description = "HTTP port (default: " + PageVisitApp.DEFAULT_PORT + ").")
    int port = PageVisitApp.DEFAULT_PORT;

    @Option(names = {"-u", "--url"}, description = "Redis URL, redis://[user:password@]host[:port][/db]; "
            + "default: $JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    /** Runs the command line and returns the exit code: 1 for bad input, a taken port or Redis unreachable. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new PageVisitCommand())
                .setOut(new PrintWriter(System.out, true)).setErr(new PrintWriter(System.err, true));
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (!(error instanceof JrqException || error instanceof PortInUseException
                    || error instanceof IllegalArgumentException)) {
                throw error;
            }
            String hint = error instanceof PortInUseException ? "; choose another with --port" : "";
            line.getErr().println(NAME + ": " + error.getMessage() + hint);
            return 1;
        });
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            error.getCommandLine().getErr().println(NAME + ": " + error.getMessage());
            error.getCommandLine().getErr().println("Try '" + NAME + " --help'.");
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        RedisConfig redis = url != null ? RedisConfig.fromUrl(url) : RedisConfig.fromEnvironment();
        JrqClient client = JrqClient.connect(redis);
        PageVisitApp app;
        try {
            app = PageVisitApp.start(client, port);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            client.close();
        }, NAME + "-stop"));
        System.out.println("Page-visit app on " + app.url() + " (" + app.url() + "visit registers a visit), "
                + "Redis " + redis.description() + ". Ctrl-C stops.");
        new CountDownLatch(1).await(); // why: serves until the shutdown hook stops it
        return 0;
    }
}
