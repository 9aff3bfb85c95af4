package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.JobContext;
import dev.jrq.api.UnknownJobException;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobHandlersTest {

    @Test
    void named_registeredName_returnsTheHandler() {
        Add add = new Add();
        JobHandlers handlers = JobHandlers.of(List.of(add, new Unnamed()));
        assertThat(handlers.named("rqjobs.add")).isSameAs(add);
        assertThat(handlers.named(Unnamed.class.getName())).isInstanceOf(Unnamed.class);
        assertThat(handlers.names()).containsExactly("rqjobs.add", Unnamed.class.getName());
    }

    @Test
    void named_unknown_throwsListingTheKnownNames() {
        assertThatThrownBy(() -> JobHandlers.of(List.of(new Add(), new AlsoNamedEcho())).named("x"))
                .isInstanceOf(UnknownJobException.class)
                .hasMessage("no handler registered for 'x'; known: [rqjobs.add, rqjobs.echo]");
    }

    @Test
    void of_twoClassesOneName_refusedNamingBothClasses() {
        assertThatThrownBy(() -> JobHandlers.of(List.of(new Add(), new AnotherAdd())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("two job handlers are named 'rqjobs.add': " + Add.class.getName() + " and "
                        + AnotherAdd.class.getName());
    }

    @Test
    void of_sameClassTwice_accepted() {
        assertThat(JobHandlers.of(List.of(new Add(), new Add())).names()).containsExactly("rqjobs.add");
    }

    @Test
    void plus_clashingName_refused() {
        JobHandlers first = JobHandlers.of(List.of(new Add()));
        assertThat(first.plus(JobHandlers.of(List.of(new AlsoNamedEcho()))).names())
                .containsExactly("rqjobs.add", "rqjobs.echo");
        assertThatThrownBy(() -> first.plus(JobHandlers.of(List.of(new AnotherAdd()))))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void discover_servicesFile_createsEachClassWithTheFactory(@TempDir Path dir) {
        ClassLoader loader = ServiceFiles.listing(dir, JobHandler.class, Add.class, AlsoNamedEcho.class);
        List<Class<?>> created = new ArrayList<>();
        JobHandlers handlers = JobHandlers.discover(loader, type -> {
            created.add(type);
            return type == Add.class ? new Add() : new AlsoNamedEcho();
        });
        assertThat(JobHandlers.discoverClasses(loader)).containsExactly(Add.class, AlsoNamedEcho.class);
        assertThat(created).containsExactly(Add.class, AlsoNamedEcho.class);
        assertThat(handlers.names()).containsExactly("rqjobs.add", "rqjobs.echo");
    }

    @Test
    void discoverClasses_handlerWithOnlyAnInjectConstructor_foundWithoutCreatingIt(@TempDir Path dir) {
        ClassLoader loader = ServiceFiles.listing(dir, JobHandler.class, Greet.class, Add.class, Greet.class);

        assertThat(JobHandlers.discoverClasses(loader)).containsExactly(Greet.class, Add.class);
    }

    @Test
    void discover_guiceModuleInThePluginPath_bindsTheHandlersDependencies(@TempDir Path dir) throws Exception {
        Path handlers = dir.resolve("handlers");
        Path modules = dir.resolve("modules");
        ServiceFiles.listing(handlers, JobHandler.class, Greet.class);
        ServiceFiles.listing(modules, com.google.inject.Module.class, FrenchGreetings.class);
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {handlers.toUri().toURL(),
                modules.toUri().toURL()}, getClass().getClassLoader());

        JobHandlers found = com.google.inject.Guice.createInjector(new JrqCoreModule(new JrqSettings(
                RedisConfig.fromUrl("redis://127.0.0.1:1"), "json", loader))).getInstance(JobHandlers.class);

        assertThat(found.named("greetings.greet")).isInstanceOfSatisfying(Greet.class,
                greet -> assertThat(greet.greeting.greet("Ada")).isEqualTo("Bonjour Ada"));
    }

    @Test
    void discoverClasses_listedClassIsNoHandler_refusedNamingTheClassAndFile(@TempDir Path dir) {
        ClassLoader loader = ServiceFiles.listing(dir, JobHandler.class, String.class);

        assertThatThrownBy(() -> JobHandlers.discoverClasses(loader))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("java.lang.String listed in ")
                .hasMessageEndingWith("META-INF/services/dev.jrq.api.spi.JobHandler is not a dev.jrq.api.spi.JobHandler");
    }

    @Test
    void discoverClasses_listedClassMissing_refusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("META-INF/services/" + JobHandler.class.getName());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "# handlers\ncom.example.Gone   # removed\n");
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);

        assertThatThrownBy(() -> JobHandlers.discoverClasses(loader))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("job handler com.example.Gone listed in ")
                .hasMessageContaining("cannot be loaded");
    }

    /** How to greet: bound by a Guice module found in the plugin path. */
    public interface Greeting {
        String greet(String name);
    }

    public static final class FrenchGreetings extends com.google.inject.AbstractModule {
        @Override
        protected void configure() {
            bind(Greeting.class).toInstance(name -> "Bonjour " + name);
        }
    }

    @JobName("greetings.greet")
    public static final class Greet implements JobHandler {
        private final Greeting greeting;

        @jakarta.inject.Inject
        Greet(Greeting greeting) {
            this.greeting = greeting;
        }

        @Override
        public Object perform(JobContext job) {
            return greeting.greet(job.arg(0, String.class));
        }
    }

    @JobName("rqjobs.add")
    public static class Add implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return job.arg(0, Integer.class) + job.arg(1, Integer.class);
        }
    }

    @JobName("rqjobs.add")
    public static final class AnotherAdd extends Add {
    }

    @JobName("rqjobs.echo")
    public static final class AlsoNamedEcho implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return job.args();
        }
    }

    public static final class Unnamed implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return null;
        }
    }
}
