package dev.jrq.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrq.core.JrqClient;
import dev.jrq.core.Schedule;
import dev.jrq.core.ScheduleInfo;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.ScheduleTrigger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The scheduler jar's subcommands for recurring schedules: {@code add}, {@code list}, {@code pause},
 * {@code resume}, {@code remove}, {@code load FILE}. Each connects, does one thing, prints what it did, and
 * exits; a running scheduler picks the change up on its next pass.
 *
 * <pre>{@code
 * jrq-scheduler add heartbeat --every 30s --job counter.visit --queue default
 * jrq-scheduler pause heartbeat
 * }</pre>
 */
final class ScheduleCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduleCommands() {
    }

    /** Registers schedules, reporting each outcome. */
    static void save(JrqClient client, List<Schedule> schedules, Consumer<String> report) {
        ScheduleStore store = ScheduleStore.of(client);
        for (Schedule schedule : schedules) {
            ScheduleStore.Saved outcome = store.save(schedule);
            ScheduleInfo info = store.get(schedule.name());
            report.accept("schedule " + schedule.name() + " " + outcome.name().toLowerCase() + "; next run "
                    + (info.paused() ? "(paused)" : info.nextRun()));
        }
    }

    /** Shared by the subcommands: the parent's Redis options, a client, the output. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        SchedulerMain parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (JrqClient client = JrqClient.connect(parent.redis())) {
                return run(client, spec.commandLine().getOut());
            }
        }

        abstract int run(JrqClient client, PrintWriter out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Registers a recurring schedule (or changes the one of that name).")
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "Schedule name: letters, digits, _ or -.")
        String name;

        @Option(names = "--cron", paramLabel = "EXPR", description = "Cron: 5 fields (minute hour day month "
                + "weekday) or 6 with seconds first.")
        String cron;

        @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA zone the cron is read in (default UTC).")
        String timezone;

        @Option(names = "--every", paramLabel = "DURATION",
                description = "Fixed interval instead of cron: 30s, 5m, 1h.")
        String every;

        @Option(names = "--job", required = true, paramLabel = "NAME", description = "The job name to enqueue.")
        String job;

        @Option(names = {"-q", "--queue"}, description = "Queue (default: default).")
        String queue = "default";

        @Option(names = "--arg", paramLabel = "VALUE", description = "A positional argument, as JSON (7, \"text\", "
                + "[1,2]) or plain text; repeatable.")
        List<String> args = new ArrayList<>();

        @Option(names = "--kwarg", paramLabel = "KEY=VALUE", description = "A keyword argument, value as JSON or "
                + "plain text; repeatable.")
        Map<String, String> kwargs = new LinkedHashMap<>();

        @Option(names = "--timeout", paramLabel = "DURATION", description = "Job timeout.")
        String timeout;

        @Option(names = "--description", description = "Job description.")
        String description;

        @Option(names = "--result-ttl", paramLabel = "DURATION", description = "How long a result is kept "
                + "(-1: forever, 0: not at all).")
        String resultTtl;

        @Option(names = "--ttl", paramLabel = "DURATION", description = "Longest wait in the queue before the job is "
                + "dropped.")
        String ttl;

        @Option(names = "--failure-ttl", paramLabel = "DURATION", description = "How long a failed job is kept.")
        String failureTtl;

        @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Job meta, value as JSON or plain text; "
                + "repeatable.")
        Map<String, String> meta = new LinkedHashMap<>();

        @Option(names = "--at-front", description = "Put each job at the head of its queue.")
        boolean atFront;

        @Option(names = "--retry", paramLabel = "N", description = "Try a failed job up to N more times.")
        Integer retry;

        @Option(names = "--retry-intervals", paramLabel = "DURATION[,DURATION...]", split = ",",
                description = "Waits before the retries, whole seconds (10s,1m); as in RQ, a list shorter than N "
                        + "repeats its first wait first. Needs --retry.")
        List<String> retryIntervals = new ArrayList<>();

        @Option(names = "--retry-jitter", paramLabel = "FRACTION", description = "Move each wait at random by up to "
                + "this fraction, in [0, 1) (JRQ workers only). Needs --retry.")
        Double retryJitter;

        @Override
        int run(JrqClient client, PrintWriter out) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("queue", queue);
            if (cron != null) {
                map.put("cron", cron);
            }
            if (timezone != null) {
                map.put("timezone", timezone);
            }
            if (every != null) {
                map.put("every", every);
            }
            map.put("job", job);
            map.put("args", args.stream().map(ScheduleCommands::value).toList());
            map.put("kwargs", jsonValues(kwargs));
            map.put("options", options());
            save(client, List.of(Schedule.fromMap(map)), out::println);
            return 0;
        }

        /** The options given, in the map form {@link Schedule#fromMap} checks. */
        private Map<String, Object> options() {
            Map<String, Object> options = new LinkedHashMap<>();
            putIfGiven(options, "timeout", timeout);
            putIfGiven(options, "description", description);
            putIfGiven(options, "result_ttl", resultTtl);
            putIfGiven(options, "ttl", ttl);
            putIfGiven(options, "failure_ttl", failureTtl);
            if (!meta.isEmpty()) {
                options.put("meta", jsonValues(meta));
            }
            if (atFront) {
                options.put("at_front", true);
            }
            putIfGiven(options, "retry", retry());
            return options;
        }

        private Map<String, Object> retry() {
            if (retry == null) {
                if (!retryIntervals.isEmpty() || retryJitter != null) {
                    throw new IllegalArgumentException("--retry-intervals and --retry-jitter need --retry N");
                }
                return null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("max", retry);
            map.put("intervals", List.copyOf(retryIntervals));
            putIfGiven(map, "jitter", retryJitter);
            return map;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the recurring schedules with their next run times.")
    static final class ListSchedules extends Base {
        @Option(names = "--next", paramLabel = "N", description = "How many next run times to show (default 3).")
        int next = 3;

        @Override
        int run(JrqClient client, PrintWriter out) {
            List<ScheduleInfo> all = ScheduleStore.of(client).list();
            if (all.isEmpty()) {
                out.println("no schedules");
            }
            for (ScheduleInfo info : all) {
                out.println(describe(info, next));
            }
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses a schedule.")
    static final class Pause extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(JrqClient client, PrintWriter out) {
            boolean changed = ScheduleStore.of(client).pause(name);
            out.println("schedule " + name + (changed ? " paused" : " was paused already"));
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a paused schedule from now on (ticks missed while paused are skipped).")
    static final class Resume extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(JrqClient client, PrintWriter out) {
            ScheduleStore store = ScheduleStore.of(client);
            boolean changed = store.resume(name);
            out.println("schedule " + name + (changed ? " resumed" : " was not paused") + "; next run "
                    + store.get(name).nextRun());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a schedule (jobs it enqueued stay).")
    static final class Remove extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(JrqClient client, PrintWriter out) {
            if (!ScheduleStore.of(client).remove(name)) {
                throw new dev.jrq.core.NoSuchScheduleException(name);
            }
            out.println("schedule " + name + " removed");
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Registers every schedule of a YAML or JSON file (nothing is stored if one is bad).")
    static final class Load extends Base {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int run(JrqClient client, PrintWriter out) {
            save(client, ScheduleFile.read(file), out::println);
            return 0;
        }
    }

    /** One line per schedule: name, queue, trigger, job, state, next runs, runs so far, last job. */
    static String describe(ScheduleInfo info, int next) {
        Schedule schedule = info.schedule();
        String trigger = schedule.trigger() instanceof ScheduleTrigger.Cron cron
                ? "cron '" + cron.expression() + "' " + cron.zone().getId()
                : "every " + dev.jrq.core.DurationText.format(((ScheduleTrigger.Interval) schedule.trigger()).every());
        String nextRuns = info.paused() ? "-" : info.nextRuns(next).stream().map(Instant::toString)
                .collect(Collectors.joining(", "));
        return String.join("  ", schedule.name(), schedule.queue(), trigger, schedule.job().jobName(),
                info.paused() ? "paused" : "active", "next: " + nextRuns, "runs: " + info.runs(),
                "last job: " + (info.lastJobId() == null ? "-" : info.lastJobId()));
    }

    private static void putIfGiven(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Map<String, Object> jsonValues(Map<String, String> texts) {
        return texts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> value(entry.getValue()),
                (a, b) -> b, LinkedHashMap::new));
    }

    /** A command-line value: JSON when it parses as JSON, else the text itself. */
    private static Object value(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
