package dev.jrq.dashboard;

import dev.jrq.core.RegistryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven lists of a queue a URL can name: the queue itself ({@code queued}) and its six registries. */
enum JobList {
    QUEUED(null),
    STARTED(RegistryType.STARTED),
    DEFERRED(RegistryType.DEFERRED),
    SCHEDULED(RegistryType.SCHEDULED),
    FINISHED(RegistryType.FINISHED),
    FAILED(RegistryType.FAILED),
    CANCELED(RegistryType.CANCELED);

    static final String ALLOWED = Arrays.stream(values()).map(JobList::pathName).collect(Collectors.joining(", "));

    private final RegistryType registry;

    JobList(RegistryType registry) {
        this.registry = registry;
    }

    /** The registry, {@code null} for the queue's own list. */
    RegistryType registry() {
        return registry;
    }

    String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The list named in a URL.
     *
     * @throws HttpError 400 for another name, listing the allowed ones
     */
    static JobList fromPath(String name) {
        for (JobList list : values()) {
            if (list.pathName().equals(name)) {
                return list;
            }
        }
        throw HttpError.badRequest("registry must be one of " + ALLOWED + "; was '" + name + "'");
    }
}
