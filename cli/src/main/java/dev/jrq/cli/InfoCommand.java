package dev.jrq.cli;

import dev.jrq.core.JrqClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code jrq info [QUEUE...]}: the queues with their jobs in each state and the workers, as {@code rq info}
 * shows them; with {@code --interval}, redrawn in place until Ctrl-C.
 */
@Command(name = "info", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Shows the queues (jobs per state) and the workers, as rq info does.")
final class InfoCommand implements Callable<Integer> {
    /** ANSI: cursor home, clear screen. */
    private static final String CLEAR = "\033[H\033[2J";

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "QUEUE", description = "Queues to show (default: every queue in rq:queues).")
    List<String> queues = new ArrayList<>();

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS",
            description = "Redraw every SECONDS (e.g. 0.5) until Ctrl-C.")
    Double interval;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = {"-r", "--raw"}, description = "Print only the raw numbers, as rq info --raw: "
            + "'queue NAME COUNT' and 'worker NAME STATE QUEUES' lines.")
    boolean raw;

    @Option(names = {"-Q", "--only-queues"}, description = "Show only the queues.")
    boolean onlyQueues;

    @Option(names = {"-W", "--only-workers"}, description = "Show only the workers.")
    boolean onlyWorkers;

    @Override
    public Integer call() throws InterruptedException {
        if (interval != null && !(interval > 0)) {
            throw new ParameterException(spec.commandLine(), "--interval must be more than 0 seconds");
        }
        if (raw && json) {
            throw new ParameterException(spec.commandLine(), "give --raw or --json, not both");
        }
        if (onlyQueues && onlyWorkers) {
            throw new ParameterException(spec.commandLine(), "give --only-queues or --only-workers, not both");
        }
        try (JrqClient client = redis.connect()) {
            if (interval == null) {
                show(client, false);
                return 0;
            }
            CountDownLatch interrupted = new CountDownLatch(1);
            // why: Ctrl-C ends the refresh with exit 0, as rq info does, and closes the connection
            Signal.handle(new Signal("INT"), signal -> interrupted.countDown());
            do {
                show(client, true);
            } while (!interrupted.await((long) (interval * 1000), TimeUnit.MILLISECONDS));
            out().println();
        }
        return 0;
    }

    private void show(JrqClient client, boolean clear) {
        InfoSnapshot info = InfoSnapshot.read(client, queues);
        PrintWriter out = out();
        if (clear) {
            out.print(CLEAR);
        }
        if (json) {
            out.println(InfoJson.render(info, !onlyWorkers, !onlyQueues));
        } else if (raw) {
            InfoText.printRaw(info, out, !onlyWorkers, !onlyQueues);
        } else {
            printText(info, out);
        }
        out.flush();
    }

    private void printText(InfoSnapshot info, PrintWriter out) {
        if (!onlyWorkers) {
            InfoText.printQueues(info, out);
        }
        if (!onlyQueues && !onlyWorkers) {
            out.println();
        }
        if (!onlyQueues) {
            InfoText.printWorkers(info, out);
        }
        if (!onlyQueues && !onlyWorkers) {
            out.println();
            InfoText.printUpdated(info, out);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
