package dev.jrq.examples;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link Processes} parameter and destroys the processes it started when the test ends,
 * whether it passed, failed or was aborted.
 *
 * <pre>{@code
 * @ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
 * class WorkerJarIT {
 *     @Test
 *     void burstRun_queuedJob_finishes(TestRedis redis, Processes processes) { ... }
 * }
 * }</pre>
 */
final class ProcessesExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ProcessesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Processes.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Processes.class, key -> new Processes(), Processes.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Processes processes = context.getStore(NAMESPACE).remove(Processes.class, Processes.class);
        if (processes != null) {
            processes.close();
        }
    }
}
