package dev.jrq.cli;

import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import dev.jrq.core.Job;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jrq enqueue NAME [ARGS...]}: enqueues one job with {@code rq enqueue}'s arguments and options, or one job a
 * line of a file with {@code --file}, and prints the job ids.
 */
@Command(name = "enqueue", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = {"Enqueues a job and prints its id.",
                "ARGS as rq enqueue reads them: text and key=text are strings, :json and key:=json JSON values; "
                        + "@file, key=@file, :@file, key:=@file read the value from a file. Put -- before "
                        + "arguments that start with '-'."})
final class EnqueueCommand implements Callable<Integer> {
    private static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "NAME [ARGS...]", description = "The job's name (the handler's), then its arguments.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-q", "--queue"}, paramLabel = "QUEUE", description = "The queue (default: default).")
    String queue = "default";

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Longest run before the job fails (90, 10s, 5m, 1h; -1: none; default 180s).")
    String timeout;

    @Option(names = "--result-ttl", paramLabel = "DURATION",
            description = "How long the result is kept (0: delete at once; -1: forever; default 500s).")
    String resultTtl;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Longest wait in the queue before it is dropped.")
    String ttl;

    @Option(names = "--failure-ttl", paramLabel = "DURATION", description = "How long a failed job is kept.")
    String failureTtl;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "Free text shown by tools (default: the call, e.g. add(2, 3)).")
    String description;

    @Option(names = "--depends-on", paramLabel = "JOB_ID", description = "A job that must finish first; repeatable.")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--job-id", paramLabel = "ID", description = "The job's id (default: a random UUID).")
    String jobId;

    @Option(names = "--at-front", description = "Put the job at the head of the queue.")
    boolean atFront;

    @Option(names = "--retry-max", paramLabel = "N", description = "Try a failed job again up to N times.")
    Integer retryMax;

    @Option(names = "--retry-interval", paramLabel = "DURATION", split = ",",
            description = "Waits before the retries (repeatable or a comma list; RQ repeats the first).")
    List<String> retryIntervals = new ArrayList<>();

    @Option(names = "--schedule-in", paramLabel = "DURATION", description = "Enqueue after this long (10s, 5m, 1h).")
    String scheduleIn;

    @Option(names = "--schedule-at", paramLabel = "TIME",
            description = "Enqueue at this ISO-8601 time (UTC when it has no offset, as RQ).")
    String scheduleAt;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Enqueue one job a line of FILE (each line: NAME ARGS...); every option above applies.")
    Path file;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    @Override
    public Integer call() {
        checkUsage();
        JobOptions options = options();
        if (file != null) {
            return enqueueFile(options);
        }
        FunctionArguments arguments = FunctionArguments.parse(words.subList(1, words.size()));
        JobRequest request = new JobRequest(words.get(0), arguments.args(), arguments.kwargs(), options);
        Instant at = scheduledTime();
        try (JrqClient client = redis.connect()) {
            JobQueue target = client.queue(queue);
            Job job = at == null ? target.enqueue(request) : target.enqueueAt(at, request);
            out().println(job.id());
        }
        return 0;
    }

    private int enqueueFile(JobOptions options) {
        JobsFile jobs = new JobsFile(file, options);
        long total = jobs.check();
        Instant at = scheduledTime();
        try (JrqClient client = redis.connect()) {
            JobQueue target = client.queue(queue);
            PrintWriter out = out();
            Progress shown = Progress.start(spec.commandLine().getErr(), progress, "enqueued", total);
            jobs.forEachBatch(BATCH, batch -> {
                List<Job> enqueued = at == null ? target.enqueueMany(batch)
                        : batch.stream().map(request -> target.enqueueAt(at, request)).toList();
                enqueued.forEach(job -> out.println(job.id()));
                out.flush();
                shown.advance(enqueued.size());
            });
            shown.finish();
        }
        return 0;
    }

    private void checkUsage() {
        if (file == null && words.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'NAME' (or --file)");
        }
        if (file != null && !words.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give NAME [ARGS...] or --file, not both");
        }
        if (file != null && jobId != null) {
            throw new ParameterException(spec.commandLine(), "--job-id names one job; it cannot go with --file");
        }
        if (scheduleIn != null && scheduleAt != null) {
            throw new ParameterException(spec.commandLine(), "give --schedule-in or --schedule-at, not both");
        }
        if (retryMax == null && !retryIntervals.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--retry-interval needs --retry-max");
        }
    }

    /** The job options the command line gives; every bad value is refused before anything is sent. */
    JobOptions options() {
        return JobOptions.builder()
                .jobId(jobId)
                .description(description)
                .timeout(TimeArguments.jobSeconds(timeout, "--timeout"))
                .resultTtl(TimeArguments.jobSeconds(resultTtl, "--result-ttl"))
                .ttl(TimeArguments.jobSeconds(ttl, "--ttl"))
                .failureTtl(TimeArguments.jobSeconds(failureTtl, "--failure-ttl"))
                .atFront(atFront)
                .retry(retry())
                .dependsOn(dependsOn.isEmpty() ? null : new Dependency(dependsOn, false))
                .build();
    }

    private Retry retry() {
        if (retryMax == null) {
            return null;
        }
        List<Duration> intervals = retryIntervals.stream()
                .map(text -> TimeArguments.jobSeconds(text.strip(), "--retry-interval")).toList();
        return new Retry(retryMax, intervals, 0);
    }

    private Instant scheduledTime() {
        if (scheduleIn != null) {
            return Instant.now().plus(TimeArguments.duration(scheduleIn, "--schedule-in"));
        }
        return scheduleAt == null ? null : TimeArguments.instant(scheduleAt, "--schedule-at");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
