package dev.jrq.core;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named recurring schedule: which job to enqueue on which queue, and when ({@link ScheduleTrigger}). Each tick
 * enqueues one job with the id {@code <name>-<tick in epoch seconds>}.
 *
 * <pre>{@code
 * Schedule nightly = Schedule.of("nightly-report", "reports", ScheduleTrigger.cron("0 2 * * *", "Europe/Berlin"),
 *         JobRequest.of("reports.nightly", "pdf"));
 * ScheduleStore.of(client).save(nightly);
 * }</pre>
 *
 * <p>Its map form ({@link #toMap()}, {@link #fromMap(Map)}) is what schedule files hold and what Redis stores:
 * {@code name}, {@code queue} (default {@code default}), {@code cron} with {@code timezone} (default UTC) or
 * {@code every} ({@code 30s}, {@code 5m}...), {@code job}, {@code args}, {@code kwargs}, and {@code options}
 * ({@code description}, {@code timeout}, {@code result_ttl}, {@code ttl}, {@code failure_ttl} in seconds or as
 * {@code 5m}; {@code meta}; {@code at_front}; {@code retry}, either a count or
 * {@code {max: 3, intervals: [10s, 1m], jitter: 0.25}} with intervals in seconds or as {@code 10s}).
 *
 * <p>Each tick's job hash is built by the same code as an enqueue's, so a fired job carries these options exactly
 * as {@code queue.enqueue(job)} would have written them (RQ's {@code retries_left}/{@code retry_intervals} included).
 *
 * @param name    1 to 100 letters, digits, {@code _} or {@code -}
 * @param queue   the queue each tick's job goes to
 * @param trigger when it fires
 * @param job     the job each tick enqueues; its options may set only what the map form holds (above): no job id,
 *                and no option a stored schedule could not carry
 */
public record Schedule(String name, String queue, ScheduleTrigger trigger, JobRequest job) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern QUEUE = Pattern.compile("[^\\s:]{1,200}");
    private static final Set<String> KEYS = Set.of("name", "queue", "cron", "timezone", "every", "job", "args",
            "kwargs", "options");
    private static final Set<String> OPTION_KEYS = Set.of("description", "timeout", "result_ttl", "ttl",
            "failure_ttl", "meta", "at_front", "retry");
    private static final Set<String> RETRY_KEYS = Set.of("max", "intervals", "jitter");

    public Schedule {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schedule name '" + name
                    + "' is not valid: use 1 to 100 letters, digits, '_' or '-'");
        }
        if (queue == null || !QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException("schedule " + name + ": queue name '" + queue
                    + "' is not valid: use 1 to 200 characters without spaces or ':'");
        }
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(job, "job");
        if (job.options().jobId() != null) {
            throw new IllegalArgumentException("schedule " + name + ": a recurring job cannot have a fixed job id "
                    + "(each tick gets '" + name + "-<epoch seconds>')");
        }
        if (!carried(job.options()).equals(job.options())) {
            // why: the schedule is stored in its map form; an option that form lacks would vanish without a word
            throw new IllegalArgumentException("schedule " + name + ": a recurring job can only have the options "
                    + sorted(OPTION_KEYS) + "; not a job id, uniqueness, dependencies or callbacks");
        }
    }

    public static Schedule of(String name, String queue, ScheduleTrigger trigger, JobRequest job) {
        return new Schedule(name, queue, trigger, job);
    }

    /** The id of the job this schedule enqueues for the tick at {@code tickEpochSeconds}. */
    public String jobIdFor(long tickEpochSeconds) {
        return name + "-" + tickEpochSeconds;
    }

    /** The schedule in its map form (see the class comment); keys in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("queue", queue);
        if (trigger instanceof ScheduleTrigger.Cron cron) {
            map.put("cron", cron.expression());
            map.put("timezone", cron.zone().getId());
        } else if (trigger instanceof ScheduleTrigger.Interval interval) {
            map.put("every", DurationText.format(interval.every()));
        }
        map.put("job", job.jobName());
        map.put("args", job.args());
        map.put("kwargs", job.kwargs());
        Map<String, Object> options = optionsMap(job.options());
        if (!options.isEmpty()) {
            map.put("options", options);
        }
        return map;
    }

    /**
     * The schedule a map describes (a config file entry, or what Redis stores).
     *
     * @throws IllegalArgumentException naming the schedule and what is wrong: a missing or unknown key, a bad cron
     *                                  expression, an unknown time zone, both or neither of cron and every
     */
    public static Schedule fromMap(Map<String, ?> map) {
        Object name = map.get("name");
        String label = "schedule " + (name == null ? "(no name)" : name);
        List<String> unknown = map.keySet().stream().filter(key -> !KEYS.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(label + ": unknown key(s) " + unknown + "; expected " + sorted(KEYS));
        }
        if (name == null) {
            throw new IllegalArgumentException("a schedule needs a name");
        }
        try {
            return new Schedule(name.toString(), text(map.get("queue"), "default"), trigger(map),
                    request(map));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("schedule ")) {
                throw e;
            }
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    private static ScheduleTrigger trigger(Map<String, ?> map) {
        Object cron = map.get("cron");
        Object every = map.get("every");
        if ((cron == null) == (every == null)) {
            throw new IllegalArgumentException("give either 'cron' (with an optional 'timezone') or 'every'");
        }
        if (cron != null) {
            return ScheduleTrigger.cron(cron.toString(), text(map.get("timezone"), "UTC"));
        }
        if (map.get("timezone") != null) {
            throw new IllegalArgumentException("'timezone' goes with 'cron', not with 'every'");
        }
        return ScheduleTrigger.every(duration(every, "every"));
    }

    private static JobRequest request(Map<String, ?> map) {
        Object job = map.get("job");
        if (job == null || job.toString().isBlank()) {
            throw new IllegalArgumentException("'job' (the job name) is missing");
        }
        List<Object> args = map.get("args") instanceof List<?> list ? new ArrayList<>(list) : List.of();
        if (map.get("args") != null && !(map.get("args") instanceof List<?>)) {
            throw new IllegalArgumentException("'args' must be a list");
        }
        return new JobRequest(job.toString(), args, stringMap(map.get("kwargs"), "kwargs"),
                options(stringMap(map.get("options"), "options")));
    }

    private static JobOptions options(Map<String, Object> options) {
        List<String> unknown = options.keySet().stream().filter(key -> !OPTION_KEYS.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; expected " + sorted(OPTION_KEYS));
        }
        JobOptions.Builder builder = JobOptions.builder()
                .description(options.get("description") == null ? null : options.get("description").toString())
                .timeout(optionalDuration(options.get("timeout"), "timeout"))
                .resultTtl(optionalDuration(options.get("result_ttl"), "result_ttl"))
                .ttl(optionalDuration(options.get("ttl"), "ttl"))
                .failureTtl(optionalDuration(options.get("failure_ttl"), "failure_ttl"))
                .meta(stringMap(options.get("meta"), "meta"));
        Object atFront = options.get("at_front");
        if (atFront != null && !(atFront instanceof Boolean)) {
            throw new IllegalArgumentException("option 'at_front' must be true or false; was " + atFront);
        }
        return builder.atFront(Boolean.TRUE.equals(atFront)).retry(retry(options.get("retry"))).build();
    }

    /** The options of {@code options} that the map form holds, all others unset. */
    private static JobOptions carried(JobOptions options) {
        return JobOptions.builder().description(options.description()).timeout(options.timeout())
                .resultTtl(options.resultTtl()).ttl(options.ttl()).failureTtl(options.failureTtl())
                .meta(options.meta()).atFront(options.atFront()).retry(options.retry()).build();
    }

    /** {@code retry: 3} or {@code retry: {max: 3, intervals: [10s, 1m], jitter: 0.25}}. */
    private static Retry retry(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number) && !(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("option 'retry' must be a number of retries or a map with 'max', "
                    + "'intervals' and 'jitter'; was " + value);
        }
        Map<String, Object> map = value instanceof Number ? Map.of("max", value) : stringMap(value, "retry");
        List<String> unknown = map.keySet().stream().filter(key -> !RETRY_KEYS.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("option 'retry': unknown key(s) " + unknown + "; expected "
                    + sorted(RETRY_KEYS));
        }
        Object max = map.get("max");
        if (!(max instanceof Integer || max instanceof Long)) {
            throw new IllegalArgumentException("option 'retry' needs 'max', a whole number of attempts after the "
                    + "first failure; was " + max);
        }
        Object jitter = map.get("jitter");
        if (jitter != null && !(jitter instanceof Number)) {
            throw new IllegalArgumentException("option 'retry': 'jitter' must be a number in [0, 1); was " + jitter);
        }
        try {
            return new Retry(((Number) max).intValue(), retryIntervals(map.get("intervals")),
                    jitter == null ? 0 : ((Number) jitter).doubleValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option 'retry': " + e.getMessage(), e);
        }
    }

    private static List<Duration> retryIntervals(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> list = value instanceof List<?> given ? given : List.of(value);
        List<Duration> intervals = new ArrayList<>(list.size());
        for (Object interval : list) {
            intervals.add(duration(interval, "retry.intervals"));
        }
        return intervals;
    }

    private static Map<String, Object> optionsMap(JobOptions options) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (options.description() != null) {
            map.put("description", options.description());
        }
        putSeconds(map, "timeout", options.timeout());
        putSeconds(map, "result_ttl", options.resultTtl());
        putSeconds(map, "ttl", options.ttl());
        putSeconds(map, "failure_ttl", options.failureTtl());
        if (!options.meta().isEmpty()) {
            map.put("meta", options.meta());
        }
        if (options.atFront()) {
            map.put("at_front", true);
        }
        if (options.retry() != null) {
            map.put("retry", retryMap(options.retry()));
        }
        return map;
    }

    private static Map<String, Object> retryMap(Retry retry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("max", retry.max());
        map.put("intervals", retry.intervals().stream().map(Duration::getSeconds).toList());
        if (retry.jitter() > 0) {
            map.put("jitter", retry.jitter());
        }
        return map;
    }

    private static void putSeconds(Map<String, Object> map, String key, Duration value) {
        if (value != null) {
            map.put(key, value.getSeconds());
        }
    }

    private static Duration optionalDuration(Object value, String key) {
        return value == null ? null : duration(value, key);
    }

    private static Duration duration(Object value, String key) {
        if (value instanceof Number number) {
            return Duration.ofSeconds(number.longValue());
        }
        if ("-1".equals(value.toString().trim())) {
            return JobOptions.FOREVER; // why: RQ's -1 (no timeout, keep forever), as the file's numbers allow
        }
        try {
            return DurationText.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> stringMap(Object value, String key) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + key + "' must be a map; was " + value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
