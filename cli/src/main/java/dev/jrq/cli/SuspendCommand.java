package dev.jrq.cli;

import dev.jrq.core.DurationText;
import dev.jrq.core.JrqClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jrq suspend [--duration D]}: workers take no new jobs (JRQ's and Python's), as {@code rq suspend}. */
@Command(name = "suspend", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Stops every worker from taking new jobs until 'jrq resume' (running jobs finish).")
final class SuspendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Resume by themselves after this long (seconds, or 10m, 2h; default: until resumed).")
    String duration;

    @Override
    public Integer call() {
        Duration suspension = duration == null ? null : TimeArguments.duration(duration, "--duration");
        if (suspension != null && suspension.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--duration: a suspension lasts at least 1 second; was " + duration);
        }
        try (JrqClient client = redis.connect()) {
            if (suspension == null) {
                client.workerControl().suspend();
                spec.commandLine().getOut().println("Suspending workers. No new jobs will be started, but current "
                        + "jobs will be completed.");
            } else {
                client.workerControl().suspend(suspension);
                spec.commandLine().getOut().println("Suspending workers for " + DurationText.format(suspension)
                        + ". No new jobs will be started during that time; then they resume by themselves.");
            }
        }
        return 0;
    }
}
