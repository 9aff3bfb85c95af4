package dev.jrq.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/queues/{queue}/jobs} read into a {@link JobRequest}:
 * {@code {"name", "args": [...], "kwargs": {...}, "options": {"timeout", "description", "jobId", "atFront",
 * "resultTtl", "ttl", "failureTtl", "retryMax", "retryIntervals": [...], "dependsOn": [ids]}}}, durations in whole
 * seconds ({@code -1} for forever where RQ allows it). Anything else is a 400 that says what was wrong.
 */
final class EnqueueBody {
    private static final Set<String> FIELDS = Set.of("name", "args", "kwargs", "options");
    private static final Set<String> OPTIONS = Set.of("timeout", "description", "jobId", "atFront", "resultTtl",
            "ttl", "failureTtl", "retryMax", "retryIntervals", "dependsOn");

    private EnqueueBody() {
    }

    static JobRequest read(JsonNode body) {
        checkNames(body, FIELDS, "the body");
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw HttpError.badRequest("name must be the job's name as a string, e.g. \"test_job.i_am_a_job\"");
        }
        JsonNode args = body.get("args");
        if (args != null && !args.isNull() && !args.isArray()) {
            throw HttpError.badRequest("args must be a JSON array");
        }
        JsonNode kwargs = body.get("kwargs");
        if (kwargs != null && !kwargs.isNull() && !kwargs.isObject()) {
            throw HttpError.badRequest("kwargs must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        List<Object> argList = args == null || args.isNull() ? List.of() : Json.MAPPER.convertValue(args, List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargMap = kwargs == null || kwargs.isNull() ? Map.of()
                : Json.MAPPER.convertValue(kwargs, Map.class);
        return new JobRequest(name.asText(), argList, kwargMap, options(body.get("options")));
    }

    private static JobOptions options(JsonNode options) {
        if (options == null || options.isNull()) {
            return JobOptions.defaults();
        }
        if (!options.isObject()) {
            throw HttpError.badRequest("options must be a JSON object");
        }
        checkNames(options, OPTIONS, "options");
        JobOptions.Builder builder = JobOptions.builder()
                .timeout(seconds(options, "timeout"))
                .resultTtl(seconds(options, "resultTtl"))
                .ttl(seconds(options, "ttl"))
                .failureTtl(seconds(options, "failureTtl"))
                .description(text(options, "description"))
                .jobId(text(options, "jobId"))
                .atFront(options.path("atFront").asBoolean(false));
        Integer retryMax = options.hasNonNull("retryMax") ? integer(options.get("retryMax"), "retryMax") : null;
        List<Duration> intervals = new ArrayList<>();
        for (JsonNode interval : array(options, "retryIntervals")) {
            intervals.add(Duration.ofSeconds(integer(interval, "retryIntervals")));
        }
        if (retryMax != null) {
            builder.retry(new Retry(retryMax, intervals, 0));
        } else if (!intervals.isEmpty()) {
            throw HttpError.badRequest("retryIntervals needs retryMax");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : array(options, "dependsOn")) {
            parents.add(Params.jobId(parent.asText()));
        }
        if (!parents.isEmpty()) {
            builder.dependsOn(new Dependency(parents, false));
        }
        return builder.build();
    }

    private static void checkNames(JsonNode node, Set<String> allowed, String what) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw HttpError.badRequest(what + " has an unknown field '" + Params.abbreviate(name)
                        + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static Duration seconds(JsonNode options, String name) {
        JsonNode value = options.get(name);
        return value == null || value.isNull() ? null : Duration.ofSeconds(integer(value, name));
    }

    private static int integer(JsonNode value, String name) {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw HttpError.badRequest(name + " must be a whole number; was " + Params.abbreviate(value.toString()));
        }
        return value.asInt();
    }

    private static String text(JsonNode options, String name) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpError.badRequest(name + " must be a string");
        }
        return value.asText();
    }

    private static Iterable<JsonNode> array(JsonNode options, String name) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw HttpError.badRequest(name + " must be a JSON array");
        }
        return value;
    }
}
