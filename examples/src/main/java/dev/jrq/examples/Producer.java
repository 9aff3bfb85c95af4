package dev.jrq.examples;

import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.examples.jobs.IAmAJob;
import java.time.Duration;

/**
 * The seed's {@code test.py} in Java: enqueue {@code test_job.i_am_a_job} on the {@code default} queue, wait for a
 * worker to run it, print the result.
 *
 * <pre>{@code
 * java -cp examples/target/jrq-demo.jar dev.jrq.examples.Producer [REDIS_URL] [ARGUMENT]
 * }</pre>
 */
public final class Producer {
    private Producer() {
    }

    public static void main(String[] args) {
        RedisConfig redis = args.length > 0 ? RedisConfig.fromUrl(args[0]) : RedisConfig.fromEnvironment();
        String argument = args.length > 1 ? args[1] : "Hello from JRQ";
        try (JrqClient client = JrqClient.connect(redis)) {
            System.out.println(run(client, argument, Duration.ofSeconds(60)));
        }
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
