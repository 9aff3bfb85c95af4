package dev.jrq.dashboard;

import dev.jrq.core.JobBrowser;
import dev.jrq.core.JobPage;
import dev.jrq.core.JobSummary;
import dev.jrq.core.JrqClient;
import dev.jrq.core.ThroughputPoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of the JSON API: {@code GET /api/overview}, {@code /api/throughput}, {@code /api/workers},
 * {@code /api/queues/{queue}/{registry}}, {@code /api/jobs/{id}} and {@code /api/health}. Nothing here writes to
 * Redis (the throughput history is written by the poller).
 */
final class ReadRoutes {
    static final int MAX_PER_PAGE = 200;
    static final int DEFAULT_PER_PAGE = 25;
    /** How many ids one request with a name filter looks at, at most. */
    static final int FILTER_SCAN_LIMIT = 10_000;
    private static final int FILTER_CHUNK = 500;

    private final JrqClient client;
    private final JobBrowser browser;
    private final ReadModel reads;
    private final LivePoller poller;

    ReadRoutes(JrqClient client, ReadModel reads, LivePoller poller) {
        this.client = client;
        this.browser = client.browser();
        this.reads = reads;
        this.poller = poller;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/overview", ctx -> Json.respond(ctx, reads.overviewView(reads.read())));
        routes.get("/api/workers", ctx -> Json.respond(ctx, reads.workersView(reads.read())));
        routes.get("/api/throughput", this::throughput);
        routes.get("/api/jobs/{id}", this::job);
        routes.get("/api/queues/{queue}/{registry}", this::page);
    }

    private void health(Context ctx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ok", true);
        view.put("redis", client.config().description());
        try {
            client.workerControl().isSuspended();
        } catch (RuntimeException e) {
            view.put("ok", false);
            view.put("error", "Redis does not answer: " + e.getMessage());
            Json.respond(ctx, 503, view);
            return;
        }
        Json.respond(ctx, view);
    }

    private void throughput(Context ctx) {
        String window = ctx.queryParamAsClass("window", String.class).getOrDefault("live");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("window", window);
        switch (window) {
            case "live" -> {
                poller.demand();
                view.put("step", 1);
                view.put("points", poller.livePoints().stream().map(LiveThroughput.Point::view).toList());
            }
            case "hour" -> history(view, Duration.ofHours(1), Duration.ofMinutes(1));
            case "day" -> history(view, Duration.ofDays(1), Duration.ofMinutes(10));
            case "week" -> history(view, Duration.ofDays(7), Duration.ofHours(1));
            default -> throw HttpError.badRequest("window must be one of live, hour, day, week; was '"
                    + Params.abbreviate(window) + "'");
        }
        Json.respond(ctx, view);
    }

    private void history(Map<String, Object> view, Duration span, Duration step) {
        Instant now = client.clock().instant();
        List<ThroughputPoint> points = client.throughput().history(now.minus(span), now, step);
        view.put("step", step.toSeconds());
        view.put("points", points.stream().map(ReadRoutes::point).toList());
    }

    private static Map<String, Object> point(ThroughputPoint point) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("t", point.epochSecond());
        view.put("finished", point.finished());
        view.put("failed", point.failed());
        return view;
    }

    private void job(Context ctx) {
        String id = Params.jobId(ctx);
        Json.respond(ctx, Views.details(browser.details(id)
                .orElseThrow(() -> HttpError.notFound("no job " + id + " (never existed, deleted or expired)"))));
    }

    private void page(Context ctx) {
        String queue = Params.queue(ctx);
        JobList list = JobList.fromPath(ctx.pathParam("registry"));
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = Params.integer(ctx, "perPage", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        boolean newestFirst = order(ctx);
        long offset = (long) (page - 1) * perPage;
        if (offset > Integer.MAX_VALUE - perPage) {
            throw HttpError.badRequest("page " + page + " is too far: the offset does not fit an int");
        }
        String name = ctx.queryParam("name");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("queue", queue);
        view.put("registry", list.pathName());
        if (name != null && !name.isEmpty()) {
            filtered(ctx, view, queue, list, name, perPage, newestFirst);
            return;
        }
        JobPage jobs = list.registry() == null ? browser.queuePage(queue, offset, perPage, newestFirst)
                : browser.registryPage(queue, list.registry(), offset, perPage, newestFirst);
        requireQueue(queue, jobs.total());
        putPaging(view, jobs.total(), page, perPage, newestFirst);
        view.put("jobs", jobs.jobs().stream().map(Views::summary).toList());
        Json.respond(ctx, view);
    }

    /**
     * A bounded scan for jobs whose name contains {@code name}: from {@code from} (an offset in the list's order), up
     * to {@link #FILTER_SCAN_LIMIT} ids or until a page of matches is found; {@code filter.nextFrom} continues it
     * ({@code null} at the end of the list).
     */
    private void filtered(Context ctx, Map<String, Object> view, String queue, JobList list, String name,
            int perPage, boolean newestFirst) {
        int from = Params.integer(ctx, "from", 0, 0, Integer.MAX_VALUE - FILTER_SCAN_LIMIT);
        List<JobSummary> matches = new ArrayList<>();
        boolean failed = list.registry() == dev.jrq.core.RegistryType.FAILED;
        int position = from;
        boolean exhausted = false;
        while (!exhausted && position - from < FILTER_SCAN_LIMIT && matches.size() < perPage) {
            int chunk = Math.min(FILTER_CHUNK, FILTER_SCAN_LIMIT - (position - from));
            List<String> ids = browser.ids(queue, list.registry(), position, chunk, newestFirst);
            int consumed = 0;
            for (JobSummary job : browser.summaries(ids, failed)) {
                consumed++;
                if (job.name() != null && job.name().contains(name)) {
                    matches.add(job);
                    if (matches.size() == perPage) {
                        break;
                    }
                }
            }
            position += consumed;
            exhausted = ids.size() < chunk && consumed == ids.size();
        }
        long total = browser.count(queue, list.registry());
        requireQueue(queue, total);
        putPaging(view, total, 1, perPage, newestFirst);
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("name", name);
        filter.put("scanned", position - from);
        filter.put("nextFrom", exhausted ? null : position);
        view.put("filter", filter);
        view.put("jobs", matches.stream().map(Views::summary).toList());
        Json.respond(ctx, view);
    }


    private void requireQueue(String queue, long total) {
        if (total == 0 && !browser.queueExists(queue)) {
            throw HttpError.notFound("no queue named '" + queue + "'");
        }
    }

    private static void putPaging(Map<String, Object> view, long total, int page, int perPage, boolean newestFirst) {
        view.put("total", total);
        view.put("page", page);
        view.put("perPage", perPage);
        view.put("pages", Math.max(1, (total + perPage - 1) / perPage));
        view.put("order", newestFirst ? "desc" : "asc");
    }

    private static boolean order(Context ctx) {
        String order = ctx.queryParam("order");
        if (order == null || order.isEmpty() || order.equals("desc")) {
            return true;
        }
        if (order.equals("asc")) {
            return false;
        }
        throw HttpError.badRequest("order must be desc (newest first) or asc; was '" + Params.abbreviate(order)
                + "'");
    }
}
