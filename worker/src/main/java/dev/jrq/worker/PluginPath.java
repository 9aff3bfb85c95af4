package dev.jrq.worker;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class loader for {@code --path}: jars and folders holding job handlers and serializers. */
final class PluginPath {
    private PluginPath() {
    }

    /**
     * A class loader over the given jars and folders (each entry may itself list several, separated by
     * {@code :} or {@code ,}), with the worker's own classes as parent.
     *
     * @throws IllegalArgumentException naming a path that does not exist
     */
    static ClassLoader classLoader(List<String> entries, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split("[" + File.pathSeparator + ",]")) {
                if (!part.isBlank()) {
                    urls.add(url(Path.of(part.trim())));
                }
            }
        }
        return urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    private static URL url(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(
                    "--path " + path + " does not exist (expected a jar or a folder of classes)");
        }
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--path " + path + " is not a usable location: " + e.getMessage(), e);
        }
    }
}
