package dev.jrq.cli;

import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JobRegistry;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
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
 * {@code jrq requeue [--queue Q] (ID... | --all)}: puts failed jobs back on their queue, as {@code rq requeue};
 * with {@code --all}, every job of the failed registries, a page at a time.
 */
@Command(name = "requeue", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Puts failed jobs back at the end of their queue.")
final class RequeueCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "ID", description = "Ids of failed jobs.")
    List<String> jobIds = new ArrayList<>();

    @Option(names = {"-q", "--queue"}, paramLabel = "QUEUE",
            description = "The queue whose failed jobs to requeue (default: each job's own; with --all, every queue).")
    String queue;

    @Option(names = {"-a", "--all"}, description = "Requeue every failed job (of --queue, or of every queue).")
    boolean all;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    private final List<String> refused = new ArrayList<>();
    private String firstReason;

    @Override
    public Integer call() {
        if (all == !jobIds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give job IDs or --all (one of them)");
        }
        long requeued;
        try (JrqClient client = redis.connect()) {
            List<JobQueue> queues = queue != null ? List.of(KnownQueues.require(client, queue))
                    : all ? client.queues() : List.of();
            requeued = all ? requeueAll(queues) : requeueGiven(client);
        }
        spec.commandLine().getOut().println("requeued " + requeued + " jobs");
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(refused.size() == 1 ? firstReason
                    : "could not requeue " + refused.size() + " jobs, e.g. " + firstReason);
        }
        return 0;
    }

    private long requeueGiven(JrqClient client) {
        Progress shown = Progress.start(spec.commandLine().getErr(), progress, "requeued", jobIds.size());
        long requeued = 0;
        for (String jobId : jobIds) {
            if (requeue(client, queue == null ? null : client.queue(queue), jobId)) {
                requeued++;
            }
            shown.advance(1);
        }
        shown.finish();
        return requeued;
    }

    private long requeueAll(List<JobQueue> queues) {
        long total = queues.stream().mapToLong(target -> target.registry(RegistryType.FAILED).count()).sum();
        Progress shown = Progress.start(spec.commandLine().getErr(), progress, "requeued", total);
        long requeued = 0;
        for (JobQueue target : queues) {
            JobRegistry failed = target.registry(RegistryType.FAILED);
            failed.cleanup();
            // why: a job leaves the failed registry whether it is requeued or refused (its hash gone, or taken by
            // someone else), so each page is read from the top; a page seen twice means nothing moves any more
            List<String> previous = List.of();
            for (List<String> page = failed.jobIds(0, PAGE); !page.isEmpty() && !page.equals(previous);
                 previous = page, page = failed.jobIds(0, PAGE)) {
                for (String jobId : page) {
                    requeued += requeue(null, target, jobId) ? 1 : 0;
                    shown.advance(1);
                }
            }
        }
        shown.finish();
        return requeued;
    }

    /** Requeues one job into {@code target} (or its own queue); a refusal is counted, not thrown. */
    private boolean requeue(JrqClient client, JobQueue target, String jobId) {
        try {
            if (target != null) {
                target.requeue(jobId);
            } else {
                client.job(jobId).requeue();
            }
            return true;
        } catch (NoSuchJobException | IllegalStateException | IllegalArgumentException e) {
            refused.add(jobId);
            if (firstReason == null) {
                firstReason = e.getMessage();
            }
            return false;
        }
    }
}
