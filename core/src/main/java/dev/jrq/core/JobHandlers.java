package dev.jrq.core;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.UnknownJobException;
import dev.jrq.api.spi.JobHandler;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * The handlers a worker can run, by name. Handler classes are found by {@link ServiceLoader} (without creating
 * them) and created by a factory, normally Guice, so they may have {@code @Inject} dependencies; handlers bound
 * with Guice are added as they are. The one place handlers are discovered.
 *
 * <pre>{@code
 * JobHandlers handlers = JobHandlers.of(List.of(new IAmAJob()));
 * JobHandler handler = handlers.named("test_job.i_am_a_job");
 * }</pre>
 */
public final class JobHandlers {
    private final Map<String, JobHandler> byName;

    private JobHandlers(Map<String, JobHandler> byName) {
        this.byName = byName;
    }

    /** The handler classes listed in {@code META-INF/services/dev.jrq.api.spi.JobHandler} on the class loader. */
    public static List<Class<? extends JobHandler>> discoverClasses(ClassLoader classLoader) {
        return ServiceLoader.load(JobHandler.class, classLoader).stream()
                .<Class<? extends JobHandler>>map(ServiceLoader.Provider::type).toList();
    }

    /** Handlers for the classes found on the class loader, each created by {@code factory}. */
    public static JobHandlers discover(ClassLoader classLoader, Function<Class<? extends JobHandler>, JobHandler> factory) {
        return of(discoverClasses(classLoader).stream().map(factory).toList());
    }

    /**
     * Handlers by their names.
     *
     * @throws ConfigurationException when two different classes claim one name (both are in the message)
     */
    public static JobHandlers of(Collection<? extends JobHandler> handlers) {
        Map<String, JobHandler> byName = new LinkedHashMap<>();
        for (JobHandler handler : handlers) {
            JobHandler previous = byName.putIfAbsent(handler.name(), handler);
            if (previous != null && previous.getClass() != handler.getClass()) {
                throw new ConfigurationException("two job handlers are named '" + handler.name() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return new JobHandlers(byName);
    }

    /** Both sets of handlers; a name in both must belong to the same class. */
    public JobHandlers plus(JobHandlers other) {
        List<JobHandler> all = new java.util.ArrayList<>(byName.values());
        all.addAll(other.byName.values());
        return of(all);
    }

    /**
     * The handler registered as {@code name}.
     *
     * @throws UnknownJobException when there is none; its message lists the known names
     */
    public JobHandler named(String name) {
        JobHandler handler = byName.get(name);
        if (handler == null) {
            throw new UnknownJobException(name, byName.keySet());
        }
        return handler;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
