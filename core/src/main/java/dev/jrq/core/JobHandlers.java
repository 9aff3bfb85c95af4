package dev.jrq.core;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.UnknownJobException;
import dev.jrq.api.spi.JobHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The handlers a worker can run, by name. Handler classes are listed in {@code META-INF/services} files, as
 * {@link java.util.ServiceLoader} reads them, but are loaded without creating them (so, unlike ServiceLoader's
 * providers, they need no public no-argument constructor) and created by a factory, normally Guice, so they may
 * take {@code @Inject} constructors; handlers bound with Guice are added as they are. The one place handlers are
 * discovered.
 *
 * <pre>{@code
 * JobHandlers handlers = JobHandlers.of(List.of(new IAmAJob()));
 * JobHandler handler = handlers.named("test_job.i_am_a_job");
 * }</pre>
 */
public final class JobHandlers {
    private static final String SERVICES_FILE = "META-INF/services/" + JobHandler.class.getName();

    private final Map<String, JobHandler> byName;

    private JobHandlers(Map<String, JobHandler> byName) {
        this.byName = byName;
    }

    /**
     * The handler classes listed in {@code META-INF/services/dev.jrq.api.spi.JobHandler} files on the class loader,
     * in the order found, each once. The file format is ServiceLoader's: one class name per line, {@code #} starts a
     * comment.
     *
     * @throws ConfigurationException when a listed class is missing or is not a {@link JobHandler} (the file and the
     *                                class are named)
     */
    public static List<Class<? extends JobHandler>> discoverClasses(ClassLoader classLoader) {
        Set<Class<? extends JobHandler>> classes = new LinkedHashSet<>();
        for (URL file : servicesFiles(classLoader)) {
            for (String className : classNames(file)) {
                classes.add(handlerClass(className, file, classLoader));
            }
        }
        return List.copyOf(classes);
    }

    /** Handlers for the classes found on the class loader, each created by {@code factory}. */
    public static JobHandlers discover(ClassLoader classLoader,
                                       Function<Class<? extends JobHandler>, JobHandler> factory) {
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

    private static List<URL> servicesFiles(ClassLoader classLoader) {
        try {
            return Collections.list(classLoader.getResources(SERVICES_FILE));
        } catch (IOException e) {
            throw new ConfigurationException("cannot list " + SERVICES_FILE + " files: " + e.getMessage(), e);
        }
    }

    private static List<String> classNames(URL file) {
        try (InputStream in = file.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Class<? extends JobHandler> handlerClass(String className, URL file, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("job handler " + className + " listed in " + file
                    + " cannot be loaded: " + e, e);
        }
        if (!JobHandler.class.isAssignableFrom(type)) {
            throw new ConfigurationException(className + " listed in " + file + " is not a "
                    + JobHandler.class.getName());
        }
        return type.asSubclass(JobHandler.class);
    }
}
