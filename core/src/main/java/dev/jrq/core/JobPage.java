package dev.jrq.core;

import java.util.List;

/**
 * One page of a queue's list or of a registry.
 *
 * @param total how many ids the list or registry holds in all
 * @param jobs  the page's rows, in the order asked for
 */
public record JobPage(long total, List<JobSummary> jobs) {

    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
