package dev.jrq.dashboard;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Checks of path and query parameters, each refusal a 400 that says what is allowed. */
final class Params {
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    private static final Pattern QUEUE = Pattern.compile("[^\\s:]{1,200}");

    private Params() {
    }

    /** The job id in the path, checked: 1 to 200 of {@code [A-Za-z0-9_.:-]}. */
    static String jobId(Context ctx) {
        return jobId(ctx.pathParam("id"));
    }

    static String jobId(String id) {
        if (id == null || !JOB_ID.matcher(id).matches()) {
            throw HttpError.badRequest("job id must be 1 to 200 characters of A-Z a-z 0-9 _ . : -; was '"
                    + abbreviate(id) + "'");
        }
        return id;
    }

    /** The queue name in the path, checked as JRQ checks queue names (1 to 200 characters, no spaces or ':'). */
    static String queue(Context ctx) {
        String queue = ctx.pathParam("queue");
        if (!QUEUE.matcher(queue).matches()) {
            throw HttpError.badRequest("queue name must be 1 to 200 characters without spaces or ':'; was '"
                    + abbreviate(queue) + "'");
        }
        return queue;
    }

    /** An integer query parameter in {@code [min, max]}, {@code fallback} when absent. */
    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw HttpError.badRequest(name + " must be an integer from " + min + " to " + max + "; was '"
                + abbreviate(text) + "'");
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
