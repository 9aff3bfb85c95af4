package dev.jrq.core.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Redis: one private {@code redis-server} on a free port for the whole test run (or the one at
 * {@code JRQ_TEST_REDIS_URL}), flushed before each test. Tests ask for a {@link TestRedis} parameter.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class QueueIT {
 *     @Test
 *     void enqueue_jobIsQueued(TestRedis redis) { ... }
 * }
 * }</pre>
 */
public final class RedisServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static TestRedis shared;

    @Override
    public void beforeEach(ExtensionContext context) {
        redis().flush();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        redis().closeClients();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return redis();
    }

    /** The Redis of this test run, started on first use and stopped when the JVM exits. */
    public static synchronized TestRedis redis() {
        if (shared == null) {
            String given = System.getenv("JRQ_TEST_REDIS_URL");
            if (given != null && !given.isBlank()) {
                shared = new TestRedis(given, null);
            } else {
                RedisProcess process = RedisProcess.start();
                Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "stop-test-redis"));
                System.out.println("[jrq-test] private Redis " + process.executable() + " at " + process.url());
                shared = new TestRedis(process.url(), process);
            }
        }
        return shared;
    }
}
