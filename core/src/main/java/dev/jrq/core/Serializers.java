package dev.jrq.core;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.spi.Serializer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The serializers JRQ knows, by name: the built-in {@code json} plus every {@link Serializer} provider found by
 * {@link ServiceLoader} and any given explicitly. The one place serializers are discovered.
 *
 * <pre>{@code
 * Serializer serializer = Serializers.discover(classLoader).named("json");
 * }</pre>
 */
public final class Serializers {
    private final Map<String, Serializer> byName;

    private Serializers(Map<String, Serializer> byName) {
        this.byName = byName;
    }

    /** The built-in serializer plus those listed in {@code META-INF/services} on the class loader's path. */
    public static Serializers discover(ClassLoader classLoader) {
        return of(discoverProviders(classLoader));
    }

    /** Only the providers listed in {@code META-INF/services} on the class loader's path. */
    public static List<Serializer> discoverProviders(ClassLoader classLoader) {
        return ServiceLoader.load(Serializer.class, classLoader).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * The built-in serializer plus the given ones.
     *
     * @throws ConfigurationException when two serializers share a name (both class names are in the message)
     */
    public static Serializers of(Collection<? extends Serializer> extra) {
        Map<String, Serializer> byName = new LinkedHashMap<>();
        for (Serializer serializer : concat(new JsonSerializer(), extra)) {
            Serializer previous = byName.putIfAbsent(serializer.name(), serializer);
            if (previous != null && previous.getClass() != serializer.getClass()) {
                throw new ConfigurationException("two serializers are named '" + serializer.name() + "': "
                        + previous.getClass().getName() + " and " + serializer.getClass().getName());
            }
        }
        return new Serializers(byName);
    }

    /**
     * The serializer called {@code name}.
     *
     * @throws ConfigurationException when there is none, naming those there are
     */
    public Serializer named(String name) {
        Serializer serializer = byName.get(name);
        if (serializer == null) {
            throw new ConfigurationException("no serializer named '" + name + "'; known: "
                    + new TreeSet<>(byName.keySet()));
        }
        return serializer;
    }

    private static List<Serializer> concat(Serializer first, Collection<? extends Serializer> rest) {
        java.util.ArrayList<Serializer> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
