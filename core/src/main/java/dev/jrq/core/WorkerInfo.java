package dev.jrq.core;

import java.time.Instant;
import java.util.List;

/**
 * A worker as listed in {@code rq:workers}, JRQ's or Python RQ's, read from its {@code rq:worker:<name>} hash.
 *
 * @param name               the worker's name
 * @param hostname           the machine it runs on
 * @param pid                its process id, {@code null} if not recorded
 * @param queues             the queues it takes jobs from, in priority order
 * @param state              {@code started}, {@code idle}, {@code busy}, {@code suspended}, ...
 * @param currentJob         the id of the job it runs now, {@code null} when none
 * @param birth              when it started
 * @param lastHeartbeat      when it last reported
 * @param successfulJobCount jobs it finished
 * @param failedJobCount     jobs that failed on it
 * @param totalWorkingTime   seconds spent running jobs
 * @param version            the RQ or JRQ version it reports
 */
public record WorkerInfo(String name, String hostname, Long pid, List<String> queues, String state, String currentJob,
                         Instant birth, Instant lastHeartbeat, long successfulJobCount, long failedJobCount,
                         double totalWorkingTime, String version) {

    public WorkerInfo {
        queues = List.copyOf(queues);
    }
}
