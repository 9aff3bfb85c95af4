package dev.jrq.cli;

import dev.jrq.core.JrqClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jrq resume}: workers take jobs again after {@code jrq suspend}, as {@code rq resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true, version = JrqMain.VERSION,
        description = "Lets workers take jobs again after 'jrq suspend'.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Override
    public Integer call() {
        try (JrqClient client = redis.connect()) {
            client.workerControl().resume();
        }
        spec.commandLine().getOut().println("Resuming workers.");
        return 0;
    }
}
