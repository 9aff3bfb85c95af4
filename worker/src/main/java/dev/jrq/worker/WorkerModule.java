package dev.jrq.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;

/** Wires a {@link Worker} from the core module's client and handlers. Opens nothing. */
public final class WorkerModule extends AbstractModule {
    private final WorkerOptions options;

    public WorkerModule(WorkerOptions options) {
        this.options = options;
    }

    @Provides
    @Singleton
    Worker worker(JrqClient client, JobHandlers handlers) {
        return new Worker(client, handlers, options);
    }
}
