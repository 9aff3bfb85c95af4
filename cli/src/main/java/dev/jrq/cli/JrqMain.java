package dev.jrq.cli;

import dev.jrq.api.JrqException;
import dev.jrq.dashboard.DashboardMain;
import dev.jrq.scheduler.SchedulerMain;
import dev.jrq.worker.WorkerMain;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code jrq}: the one command for JRQ, with RQ's command set ({@code rq info}, {@code rq enqueue}, ...) and the
 * worker, scheduler and dashboard processes as subcommands with the same options as their jars.
 *
 * <pre>{@code
 * jrq enqueue test_job.i_am_a_job :7 --queue default
 * jrq info --interval 1
 * jrq worker --burst --path my-jobs.jar default
 * }</pre>
 *
 * <p>Exit codes: 0 done, 1 a user error (one line on stderr saying what was wrong), 2 a usage error.
 */
@Command(name = "jrq", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Background jobs on Redis in Python RQ's layout: run workers, the scheduler and the "
                + "dashboard; look at queues and jobs; enqueue, empty, requeue, suspend and resume.")
public final class JrqMain implements Callable<Integer> {
    /** What {@code jrq --version} prints. */
    public static final String VERSION = "jrq 0.1.0";
    /** The exit code of a user error: bad input, Redis unreachable, no such job or queue. */
    static final int EXIT_USER_ERROR = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean verbose;

    /** Runs {@code jrq} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code jrq} on the standard streams and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs {@code jrq} writing to {@code out} and {@code err}; returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /** The command tree, with the worker's, scheduler's and dashboard's own command objects as subcommands. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        JrqMain main = new JrqMain();
        CommandLine commandLine = new CommandLine(main);
        commandLine.addSubcommand(named("worker", new WorkerMain()));
        commandLine.addSubcommand(named("scheduler", new SchedulerMain()));
        commandLine.addSubcommand(named("dashboard", new DashboardMain()));
        for (Object command : List.of(new InfoCommand(), new EnqueueCommand(), new EmptyCommand(),
                new RequeueCommand(), new SuspendCommand(), new ResumeCommand(), new JobCommand(),
                new CancelCommand())) {
            commandLine.addSubcommand(command);
        }
        // why: set after the subcommands are added, so that they all get the same streams and error handling
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> handle(main, error, line.getErr()));
        commandLine.setParameterExceptionHandler(JrqMain::usageError);
        return commandLine;
    }

    @Spec
    CommandSpec spec;

    /** A module's own command (e.g. {@code jrq-worker}) under a short name ({@code jrq worker}). */
    private static CommandLine named(String name, Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().name(name);
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /** A usage error: what was wrong, where to look, exit 2 (picocli's code for usage errors). */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine line = error.getCommandLine();
        line.getErr().println("jrq: " + oneLine(error.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, line.getErr());
        line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A user error becomes one line and exit 1; anything else is a bug, with its trace under --verbose. */
    private static int handle(JrqMain main, Exception error, PrintWriter err) throws Exception {
        if (error instanceof CommandLine.ParameterException) {
            throw error;
        }
        if (error instanceof CommandLine.IExitCodeGenerator withCode) {
            // why: a module's command may end with its own code (e.g. 2 for bad usage found while running)
            err.println("jrq: " + oneLine(error.getMessage()));
            return withCode.getExitCode();
        }
        if (error.getClass().getSimpleName().equals("UsageException")) {
            // why: the dashboard's bad usage found while running (its package-private UsageException) is exit 2
            // in its jar; the same here, until it carries its code as an IExitCodeGenerator
            err.println("jrq: " + oneLine(error.getMessage()));
            return CommandLine.ExitCode.USAGE;
        }
        Throwable userError = userError(error);
        if (userError != null) {
            err.println("jrq: " + oneLine(userError.getMessage()));
            return EXIT_USER_ERROR;
        }
        if (!main.verbose && isRedisFailure(error)) {
            // why: Redis going away mid-command is the environment's trouble, not a bug; say what Redis said
            err.println("jrq: Redis failed: " + oneLine(rootMessage(error)) + " (--verbose shows the trace)");
            return EXIT_USER_ERROR;
        }
        if (main.verbose) {
            error.printStackTrace(err);
        } else {
            err.println("jrq: unexpected error: " + oneLine(String.valueOf(error)) + " (--verbose shows the trace)");
        }
        return EXIT_USER_ERROR;
    }

    /** The JRQ or argument error behind a failure (Guice wraps them), or null for a bug. */
    static Throwable userError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JrqException || cause instanceof IllegalArgumentException) {
                return cause;
            }
        }
        return null;
    }

    /** Whether the error came from the Redis client (matched by package: only core may use Redisson's types). */
    private static boolean isRedisFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("org.redisson.client.")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
