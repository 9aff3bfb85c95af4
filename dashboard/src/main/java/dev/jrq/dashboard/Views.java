package dev.jrq.dashboard;

import dev.jrq.core.JobDetails;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JobRef;
import dev.jrq.core.JobResult;
import dev.jrq.core.JobSummary;
import dev.jrq.core.QueueCounts;
import dev.jrq.core.QueueOverview;
import dev.jrq.core.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON shapes, built from core's read models: camelCase fields, timestamps as ISO-8601 UTC strings, user
 * data as plain strings. A {@code null} time ({@code now}) leaves out what changes every second, so that two views
 * can be compared for real changes.
 */
final class Views {
    static final List<String> WORKER_STATES = List.of("idle", "busy", "started", "suspended");

    private Views() {
    }

    static Map<String, Object> overview(QueueOverview overview, List<WorkerInfo> workers, boolean readOnly,
            Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("queues", overview.queues().stream().map(Views::queue).toList());
        Map<String, Object> workerCounts = new LinkedHashMap<>();
        workerCounts.put("total", workers.size());
        workerCounts.put("byState", byState(workers));
        view.put("workers", workerCounts);
        view.put("suspended", overview.suspended());
        view.put("readOnly", readOnly);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("finished", overview.finishedTotal());
        totals.put("failed", overview.failedTotal());
        view.put("throughput", totals);
        if (now != null) {
            view.put("serverTime", time(now));
        }
        return view;
    }

    static Map<String, Long> byState(List<WorkerInfo> workers) {
        Map<String, Long> states = new LinkedHashMap<>();
        WORKER_STATES.forEach(state -> states.put(state, 0L));
        workers.forEach(worker -> states.merge(worker.state() == null ? "unknown" : worker.state(), 1L, Long::sum));
        return states;
    }

    private static Map<String, Object> queue(QueueCounts counts) {
        Map<String, Object> byRegistry = new LinkedHashMap<>();
        byRegistry.put("queued", counts.queued());
        byRegistry.put("started", counts.started());
        byRegistry.put("deferred", counts.deferred());
        byRegistry.put("scheduled", counts.scheduled());
        byRegistry.put("finished", counts.finished());
        byRegistry.put("failed", counts.failed());
        byRegistry.put("canceled", counts.canceled());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", counts.name());
        view.put("counts", byRegistry);
        return view;
    }

    static Map<String, Object> workers(List<WorkerInfo> workers, Map<String, JobSummary> currentJobs,
            boolean suspended, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>(workers.size());
        workers.stream().sorted(Comparator.comparing(WorkerInfo::name))
                .forEach(worker -> rows.add(worker(worker, currentJobs.get(worker.currentJob()), now)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("workers", rows);
        view.put("suspended", suspended);
        return view;
    }

    private static Map<String, Object> worker(WorkerInfo worker, JobSummary job, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", worker.name());
        view.put("hostname", worker.hostname());
        view.put("pid", worker.pid());
        view.put("queues", worker.queues());
        view.put("state", worker.state());
        view.put("currentJob", worker.currentJob() == null ? null : currentJob(worker.currentJob(), job, now));
        view.put("successfulJobCount", worker.successfulJobCount());
        view.put("failedJobCount", worker.failedJobCount());
        view.put("totalWorkingTime", worker.totalWorkingTime());
        view.put("birth", time(worker.birth()));
        view.put("lastHeartbeat", time(worker.lastHeartbeat()));
        view.put("version", worker.version());
        return view;
    }

    private static Map<String, Object> currentJob(String id, JobSummary job, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", job == null ? null : job.name());
        view.put("description", job == null ? null : job.description());
        Instant startedAt = job == null ? null : job.startedAt();
        view.put("startedAt", time(startedAt));
        view.put("runningSeconds", startedAt == null || now == null ? null
                : Math.max(0, Duration.between(startedAt, now).toMillis() / 1000.0));
        return view;
    }

    static Map<String, Object> summary(JobSummary job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("name", job.name());
        view.put("description", job.description());
        view.put("status", job.status());
        view.put("origin", job.origin());
        view.put("createdAt", time(job.createdAt()));
        view.put("enqueuedAt", time(job.enqueuedAt()));
        view.put("startedAt", time(job.startedAt()));
        view.put("endedAt", time(job.endedAt()));
        view.put("worker", job.worker());
        view.put("error", job.error());
        view.put("missing", job.missing());
        return view;
    }

    static Map<String, Object> details(JobDetails details) {
        JobRecord job = details.record();
        Map<String, String> fields = job.fields();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("name", job.jobName() != null ? job.jobName() : JobSummary.nameFromDescription(job.description()));
        view.put("status", fields.get("status"));
        view.put("origin", job.origin());
        view.put("description", job.description());
        view.put("createdAt", time(job.createdAt()));
        view.put("enqueuedAt", time(job.enqueuedAt()));
        view.put("startedAt", time(job.startedAt()));
        view.put("endedAt", time(job.endedAt()));
        view.put("lastHeartbeat", time(parseTime(fields.get("last_heartbeat"))));
        view.put("worker", job.workerName());
        view.put("timeout", seconds(job.timeout()));
        view.put("resultTtl", seconds(job.resultTtl()));
        view.put("ttl", seconds(job.ttl()));
        view.put("failureTtl", seconds(job.failureTtl()));
        boolean decoded = job.payload().isDecoded();
        view.put("args", decoded ? job.payload().args() : null);
        view.put("kwargs", decoded ? job.payload().kwargs() : null);
        view.put("payload", payload(details));
        view.put("result", details.results().stream().filter(JobResult::isSuccessful).findFirst()
                .map(JobResult::returnValue).orElse(null));
        view.put("excInfo", details.excInfo());
        view.put("meta", job.meta());
        view.put("retriesLeft", parseLong(fields.get("retries_left")));
        view.put("retryIntervals", retryIntervals(fields.get("retry_intervals")));
        view.put("dependsOn", details.dependsOn().stream().map(Views::ref).toList());
        view.put("dependents", details.dependents().stream().map(Views::ref).toList());
        view.put("attempts", details.results().stream().map(Views::attempt).toList());
        view.put("timeline", timeline(job));
        view.put("blockedBy", emptyToNull(fields.get("jrq_blocked_by")));
        view.put("blockedReason", emptyToNull(fields.get("jrq_blocked_reason")));
        view.put("callbackError", emptyToNull(fields.get("jrq_callback_error")));
        return view;
    }

    private static Map<String, Object> payload(JobDetails details) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("decoded", details.record().payload().isDecoded());
        view.put("format", details.payloadFormat());
        view.put("bytes", details.record().payload().sizeBytes());
        view.put("error", details.record().payload().error());
        return view;
    }

    private static Map<String, Object> ref(JobRef ref) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", ref.id());
        view.put("status", ref.status());
        return view;
    }

    private static Map<String, Object> attempt(JobResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", result.streamId());
        view.put("type", switch (result.type()) {
            case SUCCESSFUL -> "successful";
            case STOPPED -> "stopped";
            case RETRIED -> "retried";
            case FAILED, MAX_RETRIES_EXCEEDED -> "failed";
        });
        view.put("createdAt", time(result.createdAt()));
        view.put("result", result.returnValue());
        view.put("excString", result.error());
        if (result.valueError() != null) {
            view.put("resultError", result.valueError());
        }
        return view;
    }

    private static List<Map<String, Object>> timeline(JobRecord job) {
        List<Map<String, Object>> events = new ArrayList<>();
        addEvent(events, "created", job.createdAt());
        addEvent(events, "enqueued", job.enqueuedAt());
        addEvent(events, "started", job.startedAt());
        addEvent(events, "ended", job.endedAt());
        return events;
    }

    private static void addEvent(List<Map<String, Object>> events, String event, Instant at) {
        if (at != null) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("event", event);
            view.put("at", time(at));
            events.add(view);
        }
    }

    private static List<Long> retryIntervals(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return List.of(Json.MAPPER.readValue(text, Long[].class));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.getSeconds();
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
