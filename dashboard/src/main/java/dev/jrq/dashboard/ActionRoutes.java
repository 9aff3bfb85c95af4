package dev.jrq.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.DuplicateJobException;
import dev.jrq.api.JobRequest;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.JobBrowser;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JobSummary;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actions of the JSON API, POST only (a GET on them is a 405), each behind the {@link SecurityFilter}'s CSRF and
 * read-only checks. The queue is part of every path; a job action on a job of another queue is a 409.
 */
final class ActionRoutes {
    private static final Set<String> CANCELABLE = Set.of("queued", "deferred", "scheduled");
    private static final List<String> ACTION_PATHS = List.of("/api/queues/{queue}/jobs", "/api/queues/{queue}/empty",
            "/api/queues/{queue}/{registry}/requeue", "/api/queues/{queue}/{registry}/delete",
            "/api/queues/{queue}/jobs/{id}/{action}", "/api/workers/suspend", "/api/workers/resume",
            "/api/workers/{name}/shutdown");

    private final JrqClient client;
    private final JobBrowser browser;
    private final BulkActions bulk;

    ActionRoutes(JrqClient client) {
        this.client = client;
        this.browser = client.browser();
        this.bulk = new BulkActions(client);
    }

    void register(RoutesConfig routes) {
        ACTION_PATHS.forEach(path -> routes.get(path, ctx -> {
            ctx.header("Allow", "POST");
            throw new HttpError(405, "this is an action: use POST");
        }));
        routes.post("/api/queues/{queue}/jobs", this::enqueue);
        routes.post("/api/queues/{queue}/empty", this::empty);
        routes.post("/api/queues/{queue}/{registry}/requeue", ctx -> Json.respond(ctx,
                bulk.requeue(Params.queue(ctx), JobList.fromPath(ctx.pathParam("registry")), Json.body(ctx))));
        routes.post("/api/queues/{queue}/{registry}/delete", ctx -> Json.respond(ctx,
                bulk.delete(Params.queue(ctx), JobList.fromPath(ctx.pathParam("registry")), Json.body(ctx))));
        routes.post("/api/queues/{queue}/jobs/{id}/{action}", this::jobAction);
        routes.post("/api/workers/suspend", this::suspend);
        routes.post("/api/workers/resume", ctx -> {
            client.workerControl().resume();
            ok(ctx, "workers resumed");
        });
        routes.post("/api/workers/{name}/shutdown", this::shutdown);
    }

    private void enqueue(Context ctx) {
        JobQueue queue = client.queue(Params.queue(ctx));
        JobRequest request = EnqueueBody.read(Json.body(ctx));
        String id;
        try {
            id = queue.enqueue(request).id();
        } catch (DuplicateJobException e) {
            throw HttpError.conflict(e.getMessage());
        } catch (NoSuchJobException e) {
            throw HttpError.badRequest("dependsOn names a job that does not exist: " + e.getMessage());
        }
        Json.respond(ctx, 201, Map.of("id", id));
    }

    private void empty(Context ctx) {
        String queue = Params.queue(ctx);
        if (!browser.queueExists(queue)) {
            throw HttpError.notFound("no queue named '" + queue + "'");
        }
        Json.respond(ctx, Map.of("emptied", client.queue(queue).emptyInSteps(BulkActions.BATCH, removed -> { })));
    }

    private void jobAction(Context ctx) {
        String queueName = Params.queue(ctx);
        String id = Params.jobId(ctx);
        String action = ctx.pathParam("action");
        JobQueue queue = client.queue(queueName);
        JobSummary job = jobOf(queueName, id);
        switch (action) {
            case "requeue" -> {
                try {
                    queue.requeue(id);
                } catch (IllegalStateException e) {
                    throw HttpError.conflict(e.getMessage());
                }
                ok(ctx, "requeued job " + id + " to the end of queue " + queueName);
            }
            case "delete" -> {
                queue.deleteJob(id);
                ok(ctx, "deleted job " + id);
            }
            case "cancel" -> cancel(ctx, queue, job);
            case "stop" -> stop(ctx, job);
            default -> throw HttpError.notFound("no job action '" + Params.abbreviate(action)
                    + "'; actions: requeue, delete, cancel, stop");
        }
    }

    /** The job, checked to exist (404) and to belong to the queue of the path (409). */
    private JobSummary jobOf(String queue, String id) {
        JobSummary job = browser.summaries(List.of(id), false).get(0);
        if (job.missing()) {
            throw HttpError.notFound("no job " + id + " (never existed, deleted or expired)");
        }
        if (!queue.equals(job.origin())) {
            throw HttpError.conflict("job " + id + " belongs to queue " + job.origin() + ", not " + queue);
        }
        return job;
    }

    private static void cancel(Context ctx, JobQueue queue, JobSummary job) {
        if (!CANCELABLE.contains(job.status())) {
            throw HttpError.conflict("job " + job.id() + " is " + job.status() + "; only a queued, deferred or "
                    + "scheduled job can be canceled (stop a started one)");
        }
        try {
            queue.cancel(job.id());
        } catch (IllegalStateException e) {
            throw HttpError.conflict(e.getMessage());
        }
        ok(ctx, "canceled job " + job.id());
    }

    private void stop(Context ctx, JobSummary job) {
        if (!"started".equals(job.status())) {
            throw HttpError.conflict("job " + job.id() + " is " + job.status() + "; only a started job can be stopped");
        }
        if (job.worker() == null) {
            throw HttpError.conflict("job " + job.id() + " records no worker to ask");
        }
        if (client.workerControl().stopJob(job.worker(), job.id()) == 0) {
            throw HttpError.conflict("worker " + job.worker() + " is not listening for commands (has it stopped?)");
        }
        ok(ctx, "asked worker " + job.worker() + " to stop job " + job.id());
    }

    private void suspend(Context ctx) {
        JsonNode duration = Json.body(ctx).get("durationSeconds");
        if (duration == null || duration.isNull()) {
            client.workerControl().suspend();
            ok(ctx, "workers suspended until resumed");
            return;
        }
        if (!duration.isIntegralNumber() || duration.asLong() < 1) {
            throw HttpError.badRequest("durationSeconds must be a whole number of seconds, at least 1; was "
                    + Params.abbreviate(duration.toString()));
        }
        client.workerControl().suspend(Duration.ofSeconds(duration.asLong()));
        ok(ctx, "workers suspended for " + duration.asLong() + " s");
    }

    private void shutdown(Context ctx) {
        String name = ctx.pathParam("name");
        boolean registered = client.workers().stream().map(WorkerInfo::name).anyMatch(name::equals);
        if (!registered) {
            throw HttpError.notFound("no worker named '" + Params.abbreviate(name) + "'");
        }
        if (client.workerControl().shutdown(name) == 0) {
            throw HttpError.conflict("worker " + name + " is registered but not listening for commands");
        }
        ok(ctx, "asked worker " + name + " to finish its jobs and shut down");
    }

    private static void ok(Context ctx, String message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ok", true);
        view.put("message", message);
        Json.respond(ctx, view);
    }
}
