package dev.jrq.examples.jobs;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import dev.jrq.core.JrqClient;
import jakarta.inject.Inject;

/**
 * The seed's page-visit job, {@code counter.visit()}: adds one to the Redis key {@code count} and returns the new
 * count. Its Redis client is injected by Guice, as any handler's dependencies can be: {@link
 * java.util.ServiceLoader} needs a public no-argument constructor, so a handler listed in {@code META-INF/services}
 * takes its dependencies in {@code @Inject} fields or methods (a handler bound with Guice may use its constructor).
 */
@JobName("counter.visit")
public final class CountVisit implements JobHandler {
    /** The Redis key the seed's app counts visits in. */
    public static final String COUNT_KEY = "count";

    @Inject
    private JrqClient client;

    @Override
    public Object perform(JobContext job) {
        return client.counter(COUNT_KEY).increment();
    }
}
