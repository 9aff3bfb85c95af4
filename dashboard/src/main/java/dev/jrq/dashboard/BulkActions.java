package dev.jrq.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.core.JobBrowser;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JobSummary;
import dev.jrq.core.JrqClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requeue and delete for chosen jobs ({@code {"ids": [...]}}, up to {@value #MAX_IDS}) or for all of a list
 * ({@code {"all": true}}), which works in batches of {@value #BATCH} ids read from the oldest end, so a million-job
 * registry is never loaded at once. Each job is handled on its own; one that cannot be is listed in {@code errors}
 * (at most {@value #MAX_ERRORS_LISTED}, then {@code moreErrors} counts the rest) and the others go on.
 */
final class BulkActions {
    static final int MAX_IDS = 1000;
    static final int BATCH = 500;
    static final int MAX_ERRORS_LISTED = 100;

    private final JrqClient client;
    private final JobBrowser browser;

    BulkActions(JrqClient client) {
        this.client = client;
        this.browser = client.browser();
    }

    /** Requeues failed jobs (RQ's requeue; the failed registry only), a pipelined batch at a time. */
    Map<String, Object> requeue(String queue, JobList list, JsonNode body) {
        if (list != JobList.FAILED) {
            throw HttpError.badRequest("requeue works on the failed registry (as RQ's requeue); was "
                    + list.pathName());
        }
        JobQueue jobs = client.queue(queue);
        return run(queue, list, body, jobs::requeueMany).view("requeued");
    }

    /** Deletes jobs and their ids from the list; all of the queued list is RQ's {@code empty()}, in steps. */
    Map<String, Object> delete(String queue, JobList list, JsonNode body) {
        JobQueue jobs = client.queue(queue);
        if (list == JobList.QUEUED && all(body)) {
            Outcome outcome = new Outcome();
            outcome.done = jobs.emptyInSteps(BATCH, removed -> { });
            return outcome.view("deleted");
        }
        return run(queue, list, body, ids -> {
            ids.forEach(id -> jobs.deleteJob(id, false));
            return Map.of();
        }).view("deleted");
    }

    private Outcome run(String queue, JobList list, JsonNode body, BatchOperation operation) {
        Outcome outcome = new Outcome();
        if (all(body)) {
            runAll(queue, list, operation, outcome);
        } else {
            apply(queue, browser.summaries(ids(body), false), operation, outcome);
        }
        return outcome;
    }

    /**
     * Every id of the list, a batch at a time from the oldest end. Jobs of another queue stay in the list, so the
     * next batch starts after them (a job the operation could not handle leaves the list anyway: requeue drops the
     * id of a job whose hash is gone). The pass ends at an empty batch, or after twice the starting size (jobs
     * arriving meanwhile do not keep it going for ever).
     */
    private void runAll(String queue, JobList list, BatchOperation operation, Outcome outcome) {
        long budget = 2 * browser.count(queue, list.registry()) + BATCH;
        int skip = 0;
        while (budget > 0) {
            List<String> ids = browser.ids(queue, list.registry(), skip, BATCH, false);
            if (ids.isEmpty()) {
                return;
            }
            skip += apply(queue, browser.summaries(ids, false), operation, outcome);
            budget -= ids.size();
        }
    }

    /** Applies the operation to the jobs of this queue; returns how many were left alone (of another queue). */
    private static int apply(String queue, List<JobSummary> jobs, BatchOperation operation, Outcome outcome) {
        List<String> ours = new ArrayList<>(jobs.size());
        int others = 0;
        for (JobSummary job : jobs) {
            if (!job.missing() && !queue.equals(job.origin())) {
                outcome.fail(job.id(), "job belongs to queue " + job.origin() + ", not " + queue);
                others++;
            } else {
                ours.add(job.id());
            }
        }
        Map<String, String> errors = operation.apply(ours);
        outcome.done += ours.size() - errors.size();
        errors.forEach(outcome::fail);
        return others;
    }

    private static boolean all(JsonNode body) {
        JsonNode all = body.get("all");
        if (all != null && !all.isBoolean()) {
            throw HttpError.badRequest("all must be true or false");
        }
        if (all != null && all.asBoolean() && body.has("ids")) {
            throw HttpError.badRequest("give either ids or all, not both");
        }
        return all != null && all.asBoolean();
    }

    private static List<String> ids(JsonNode body) {
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw HttpError.badRequest("the body must be {\"ids\": [\"<job id>\", ...]} or {\"all\": true}");
        }
        if (ids.size() > MAX_IDS) {
            throw HttpError.badRequest("at most " + MAX_IDS + " ids per request (use {\"all\": true} for a whole "
                    + "list); were " + ids.size());
        }
        List<String> list = new ArrayList<>(ids.size());
        ids.forEach(id -> {
            if (!id.isTextual()) {
                throw HttpError.badRequest("ids must be strings; found " + Params.abbreviate(id.toString()));
            }
            list.add(Params.jobId(id.asText()));
        });
        return list.stream().distinct().toList();
    }

    /** An operation on a batch of jobs; returns why each one it could not do was not done, by id. */
    private interface BatchOperation {
        Map<String, String> apply(List<String> jobIds);
    }

    /** How many jobs were done, and which were not and why. */
    private static final class Outcome {
        private final List<Map<String, Object>> errors = new ArrayList<>();
        private long done;
        private long failures;

        void fail(String id, String error) {
            failures++;
            if (errors.size() < MAX_ERRORS_LISTED) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", id);
                entry.put("error", error);
                errors.add(entry);
            }
        }

        Map<String, Object> view(String doneName) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put(doneName, done);
            view.put("errors", errors);
            if (failures > errors.size()) {
                view.put("moreErrors", failures - errors.size());
            }
            return view;
        }
    }
}
