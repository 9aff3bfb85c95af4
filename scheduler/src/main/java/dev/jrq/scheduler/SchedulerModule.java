package dev.jrq.scheduler;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.jrq.core.JrqClient;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires a {@link Scheduler} from the core module's client, its meters in the registry the process gives (none:
 * the meters are not kept). Binds no registry itself, so it sits beside a worker's own metrics wiring. Opens
 * nothing: the process starts and stops the scheduler (and the metrics server, if any).
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * Injector injector = Guice.createInjector(new JrqCoreModule(settings), new SchedulerModule(options, registry));
 * injector.getInstance(Scheduler.class).start();
 * }</pre>
 */
public final class SchedulerModule extends AbstractModule {
    private final SchedulerOptions options;
    private final MeterRegistry registry;

    /** A scheduler whose meters are not exported. */
    public SchedulerModule(SchedulerOptions options) {
        this(options, null);
    }

    /** A scheduler whose meters go to {@code registry}. */
    public SchedulerModule(SchedulerOptions options, MeterRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    @Provides
    @Singleton
    SchedulerMetrics metrics() {
        SchedulerMetrics metrics = new SchedulerMetrics();
        if (registry != null) {
            metrics.bindTo(registry);
        }
        return metrics;
    }

    @Provides
    @Singleton
    Scheduler scheduler(JrqClient client, SchedulerMetrics metrics) {
        return new Scheduler(client, options, metrics);
    }
}
