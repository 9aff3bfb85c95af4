package dev.jrq.core;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.Serializer;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Wires JRQ's core: the {@link JrqClient}, the serializers and the job handlers. Handlers come from
 * {@code META-INF/services/dev.jrq.api.spi.JobHandler} files (created by Guice, so they may have {@code @Inject}
 * constructors) and from Guice bindings. A plugin jar on the worker's path may also carry Guice modules, listed in
 * {@code META-INF/services/com.google.inject.Module} (each with a public no-argument constructor): they are
 * installed here, so a handler's dependencies can be bound to the plugin's own implementations. In code:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JrqCoreModule(JrqSettings.of(RedisConfig.fromEnvironment())),
 *         new AbstractModule() {
 *             protected void configure() {
 *                 JrqCoreModule.handlers(binder()).addBinding().to(SendWelcomeMail.class);
 *             }
 *         });
 * }</pre>
 *
 * <p>{@code configure()} opens nothing: the Redis connection is made when the client is first asked for, and the
 * process that asked closes it.
 */
public final class JrqCoreModule extends AbstractModule {
    private final JrqSettings settings;

    public JrqCoreModule(JrqSettings settings) {
        this.settings = settings;
    }

    /** The set of Guice-bound handlers, to add bindings to. */
    public static Multibinder<JobHandler> handlers(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, JobHandler.class);
    }

    /** The set of Guice-bound serializers, to add bindings to. */
    public static Multibinder<Serializer> serializers(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, Serializer.class);
    }

    @Override
    protected void configure() {
        bind(JrqSettings.class).toInstance(settings);
        handlers(binder());
        serializers(binder());
        // why: lets a handler jar bind its handlers' dependencies (a mailer, a repository) without a custom main
        ServiceLoader.load(Module.class, settings.pluginLoader()).forEach(this::install);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    Serializers serializerRegistry(Set<Serializer> bound) {
        java.util.List<Serializer> all = new java.util.ArrayList<>(
                Serializers.discoverProviders(settings.pluginLoader()));
        all.addAll(bound);
        return Serializers.of(all);
    }

    @Provides
    @Singleton
    Serializer serializer(Serializers serializers) {
        return serializers.named(settings.serializerName());
    }

    @Provides
    @Singleton
    JrqClient client(Serializer serializer, Clock clock) {
        return JrqClient.connect(settings.redis(), serializer, clock);
    }

    @Provides
    @Singleton
    JobHandlers jobHandlers(Injector injector, Set<JobHandler> bound) {
        return JobHandlers.discover(settings.pluginLoader(), injector::getInstance).plus(JobHandlers.of(bound));
    }
}
