package dev.jrq.api;

import dev.jrq.api.spi.JobHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to enqueue: the job's name, its JSON-friendly arguments and its options. This is exactly what RQ's
 * JSONSerializer stores, so a request made here can be run by a Python worker that knows the name.
 *
 * <pre>{@code
 * JobRequest byName = JobRequest.of("test_job.i_am_a_job", 7);
 * JobRequest typed = JobRequest.of(SendWelcomeMail.class, "ada@example.org")
 *         .withKwargs(Map.of("lang", "en"))
 *         .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(30)).build());
 * }</pre>
 *
 * @param jobName the name a handler is registered under, e.g. {@code test_job.i_am_a_job}
 * @param args    positional arguments: strings, numbers, booleans, {@code null}, lists and maps of those
 * @param kwargs  keyword arguments, by name
 * @param options how the job is kept and run
 */
public record JobRequest(String jobName, List<Object> args, Map<String, Object> kwargs, JobOptions options) {

    public JobRequest {
        Objects.requireNonNull(jobName, "jobName");
        if (jobName.isBlank()) {
            throw new IllegalArgumentException("job name must not be blank");
        }
        // why: not List.copyOf/Map.copyOf, which refuse null, and JSON null is a legal argument.
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
        kwargs = kwargs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
        options = options == null ? JobOptions.defaults() : options;
    }

    /** A request for the job named {@code jobName} with positional arguments and default options. */
    public static JobRequest of(String jobName, Object... args) {
        return new JobRequest(jobName, Arrays.asList(args), Map.of(), JobOptions.defaults());
    }

    /** A request for the handler class's job (its {@link dev.jrq.api.spi.JobName} or class name). */
    public static JobRequest of(Class<? extends JobHandler> handler, Object... args) {
        return of(JobHandler.nameOf(handler), args);
    }

    public JobRequest withArgs(List<Object> newArgs) {
        return new JobRequest(jobName, newArgs, kwargs, options);
    }

    public JobRequest withKwargs(Map<String, Object> newKwargs) {
        return new JobRequest(jobName, args, newKwargs, options);
    }

    public JobRequest withOptions(JobOptions newOptions) {
        return new JobRequest(jobName, args, kwargs, newOptions);
    }
}
