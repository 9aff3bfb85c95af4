package dev.jrq.dashboard;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.jrq.core.JrqClient;

/**
 * Wires a {@link DashboardServer} from the core module's client and the given options. {@code configure()} opens
 * nothing: the server starts when first asked for (as the core module's client connects when first asked for), and
 * the process that asked closes it.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JrqCoreModule(JrqSettings.of(redis)), new DashboardModule(options));
 * DashboardServer server = injector.getInstance(DashboardServer.class);
 * }</pre>
 */
public final class DashboardModule extends AbstractModule {
    private final DashboardOptions options;

    public DashboardModule(DashboardOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(DashboardOptions.class).toInstance(options);
    }

    @Provides
    @Singleton
    DashboardServer server(JrqClient client, DashboardOptions options) {
        return DashboardServer.start(client, options);
    }
}
