package dev.jrq.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A class loader that sees a {@code META-INF/services} file listing test providers, so discovery is tested without
 * putting a services file into the test jar that other modules use.
 */
final class ServiceFiles {
    private ServiceFiles() {
    }

    static ClassLoader listing(Path dir, Class<?> service, Class<?>... providers) {
        try {
            Path file = dir.resolve("META-INF/services/" + service.getName());
            Files.createDirectories(file.getParent());
            Files.writeString(file, Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n")));
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ServiceFiles.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
