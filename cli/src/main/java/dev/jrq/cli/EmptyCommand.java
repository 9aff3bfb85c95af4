package dev.jrq.cli;

import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import java.io.PrintWriter;
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
 * {@code jrq empty QUEUE... | --all}: removes every waiting job of the queues and deletes them, as {@code rq empty};
 * prints how many went from each queue.
 */
@Command(name = "empty", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Removes and deletes the waiting jobs of queues (running, finished and failed jobs stay).")
final class EmptyCommand implements Callable<Integer> {
    /** Jobs removed per atomic step: Redis is never held for long, and progress moves. */
    private static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "QUEUE", description = "Queues to empty.")
    List<String> queues = new ArrayList<>();

    @Option(names = {"-a", "--all"}, description = "Empty every queue in rq:queues.")
    boolean all;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    @Override
    public Integer call() {
        if (all == !queues.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give QUEUE names or --all (one of them)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JrqClient client = redis.connect()) {
            List<JobQueue> targets = all ? client.queues() : KnownQueues.require(client, queues);
            if (targets.isEmpty()) {
                out.println("Nothing to do");
                return 0;
            }
            long total = targets.stream().mapToLong(JobQueue::count).sum();
            Progress shown = Progress.start(spec.commandLine().getErr(), progress, "removed", total);
            for (JobQueue queue : targets) {
                long removed = queue.emptyInSteps(BATCH, shown::advance);
                out.println(removed + " jobs removed from " + queue.name() + " queue");
            }
            shown.finish();
        }
        return 0;
    }
}
