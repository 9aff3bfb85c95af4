package dev.jrq.core;

import java.util.List;

/**
 * Everything stored about one job, for a detail page: its hash decoded, its error text, its result stream, the
 * jobs it waits for and the jobs waiting for it.
 *
 * @param record        the job hash, decoded
 * @param excInfo       RQ's {@code exc_info} field (Python RQ writes it), else the error of the newest failed
 *                      result; {@code null} when there is none
 * @param payloadFormat {@code json} when the payload was decoded, {@code pickle} when it is Python's pickle,
 *                      {@code unknown} otherwise
 * @param results       the result stream, newest first (RQ keeps about ten)
 * @param dependsOn     the jobs it waits for (RQ's {@code dependency_ids})
 * @param dependents    the jobs waiting for it ({@code rq:job:<id>:dependents})
 */
public record JobDetails(JobRecord record, String excInfo, String payloadFormat, List<JobResult> results,
                         List<JobRef> dependsOn, List<JobRef> dependents) {

    public JobDetails {
        results = List.copyOf(results);
        dependsOn = List.copyOf(dependsOn);
        dependents = List.copyOf(dependents);
    }
}
