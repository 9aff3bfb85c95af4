package dev.jrq.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.jrq.core.JobHandlers;
import com.google.inject.name.Named;
import dev.jrq.api.spi.Serializer;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqSettings;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Wires a {@link Worker} from the core module's client and handlers. Opens nothing. */
public final class WorkerModule extends AbstractModule {
    private final WorkerOptions options;
    private final MeterRegistry meters;

    /** A worker whose meters are not exported. */
    public WorkerModule(WorkerOptions options) {
        this(options, new SimpleMeterRegistry());
    }

    /** A worker recording its meters in {@code meters} (binds no registry, so it sits beside other modules). */
    public WorkerModule(WorkerOptions options, MeterRegistry meters) {
        this.options = options;
        this.meters = meters;
    }

    /** The heartbeat's and reaper's own connection; the process that made the worker closes it after it. */
    @Provides
    @Singleton
    @Named("timers")
    JrqClient timersClient(JrqSettings settings, Serializer serializer, Clock clock) {
        return JrqClient.connect(settings.redis(), serializer, clock);
    }

    @Provides
    @Singleton
    Worker worker(JrqClient client, @Named("timers") JrqClient timersClient, JobHandlers handlers) {
        return new Worker(client, timersClient, handlers, options, meters);
    }
}
