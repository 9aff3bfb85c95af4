package dev.jrq.cli;

import dev.jrq.core.JrqClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jrq cancel ID}: cancels a job that has not started (queued, deferred or scheduled). */
@Command(name = "cancel", mixinStandardHelpOptions = true, version = JrqMain.VERSION,
        description = "Cancels a queued, deferred or scheduled job: it leaves its queue and is listed as canceled.")
final class CancelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "ID", description = "The job's id.")
    String jobId;

    @Override
    public Integer call() {
        try (JrqClient client = redis.connect()) {
            client.job(jobId).cancel();
        } catch (IllegalStateException e) {
            // why: a job that has started or ended is the user's mistake here, not a bug
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("canceled " + jobId);
        return 0;
    }
}
