package dev.jrq.examples;

import dev.jrq.api.JrqException;
import dev.jrq.api.spi.Serializer;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.core.Serializers;
import dev.jrq.examples.jobs.IAmAJob;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The seed's {@code test.py} in Java: enqueue {@code test_job.i_am_a_job} on the {@code default} queue, wait for a
 * worker to run it, print the result. {@code --serializer} picks a serializer plugin found on the class path.
 *
 * <pre>{@code
 * java -cp examples/target/jrq-demo.jar dev.jrq.examples.Producer [REDIS_URL] [ARGUMENT]
 * java -cp examples/target/jrq-demo.jar:examples/cbor-serializer/target/jrq-cbor-serializer.jar \
 *     dev.jrq.examples.Producer --serializer cbor
 * }</pre>
 */
@Command(name = "producer", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Enqueues test_job.i_am_a_job(ARGUMENT) on the default queue and prints its result.")
public final class Producer implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "REDIS_URL",
            description = "default: $JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARGUMENT", description = "default: Hello from JRQ")
    String argument = "Hello from JRQ";

    @Option(names = {"-S", "--serializer"}, description = "json (RQ's, the default) or the name of a serializer "
            + "plugin on the class path, e.g. cbor")
    String serializer = "json";

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Producer());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (!(error instanceof JrqException || error instanceof IllegalArgumentException)) {
                throw error;
            }
            line.getErr().println("producer: " + error.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() {
        RedisConfig redis = url != null ? RedisConfig.fromUrl(url) : RedisConfig.fromEnvironment();
        Serializer chosen = Serializers.discover(Producer.class.getClassLoader()).named(serializer);
        try (JrqClient client = JrqClient.connect(redis, chosen, Clock.systemUTC())) {
            System.out.println(run(client, argument, Duration.ofSeconds(60)));
        }
        return 0;
    }

    /** Enqueues the test job with {@code argument}, waits for its result, and says what happened. */
    static String run(JrqClient client, Object argument, Duration wait) {
        Job job = client.queue("default").enqueue(IAmAJob.class, argument);
        System.out.println("Enqueued test_job.i_am_a_job(" + argument + ") as job " + job.id() + ", status "
                + job.status().wireName() + "; waiting for a worker...");
        Object result = job.waitForResult(wait);
        return "Job " + job.id() + " is " + job.status().wireName() + " with result: " + result;
    }
}
