package dev.jrq.api;

import java.util.List;

/**
 * The jobs a job waits for, as RQ's {@code Dependency(jobs, allow_failure)}: it is deferred until every one of
 * them has finished (or, with {@code allowFailure}, ended in any way), then enqueued, at the front when its
 * options say {@code atFront}.
 *
 * <pre>{@code
 * JobOptions.builder().dependsOn(Dependency.on(parent.id())).build();
 * JobOptions.builder().dependsOn(Dependency.on(a.id(), b.id()).allowingFailure()).build();
 * }</pre>
 *
 * @param jobIds       the ids of the jobs waited for, at least one
 * @param allowFailure whether a failed, stopped or canceled parent counts as done
 */
public record Dependency(List<String> jobIds, boolean allowFailure) {

    public Dependency {
        jobIds = List.copyOf(jobIds);
        if (jobIds.isEmpty()) {
            throw new IllegalArgumentException("a dependency needs at least one job id");
        }
        if (jobIds.stream().anyMatch(id -> id.isBlank() || id.contains(":"))) {
            throw new IllegalArgumentException("dependency job ids must not be blank or contain ':'; were " + jobIds);
        }
    }

    /** Waits for these jobs to finish. */
    public static Dependency on(String... jobIds) {
        return new Dependency(List.of(jobIds), false);
    }

    /** The same jobs, counting a failed, stopped or canceled one as done. */
    public Dependency allowingFailure() {
        return new Dependency(jobIds, true);
    }
}
