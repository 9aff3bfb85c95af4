package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command tree, help, version, exit codes and one-line errors that need no Redis. */
class JrqMainTest {
    /** A command with a bug. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException("bug");
        }
    }

    /** A command that finds bad usage while running, and says which exit code that is. */
    @CommandLine.Command(name = "picky")
    static final class Picky implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new Refusal();
        }
    }

    static final class Refusal extends RuntimeException implements CommandLine.IExitCodeGenerator {
        private static final long serialVersionUID = 1L;

        Refusal() {
            super("--bind 0.0.0.0 needs credentials");
        }

        @Override
        public int getExitCode() {
            return 2;
        }
    }

    private static final List<String> COMMANDS = List.of("worker", "scheduler", "dashboard", "info", "enqueue", "empty",
            "requeue", "suspend", "resume", "job", "cancel");

    @Test
    void help_listsEveryCommand() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exit()).isZero();
        COMMANDS.forEach(command -> assertThat(cli.out()).contains("  " + command + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker", "scheduler", "dashboard", "info", "enqueue", "empty", "requeue", "suspend", "resume", "job",
            "cancel"})
    void everyCommand_hasHelp_andTheRedisOptions(String command) {
        Cli cli = Cli.run(command, "--help");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("Usage: jrq " + command, "--url", "--redis-config", "--help");
    }

    @Test
    void workerSchedulerAndDashboard_keepTheirJarsOptions() {
        assertThat(Cli.run("worker", "--help").out()).contains("--burst", "--path", "--concurrency",
                "--with-scheduler", "--dequeue-strategy", "--lease", "--metrics-port", "QUEUE");
        assertThat(Cli.run("scheduler", "--help").out()).contains("--poll-interval", "--lock-ttl", "--config");
        assertThat(Cli.run("dashboard", "--help").out()).contains("--port", "--bind", "--read-only", "--token");
    }

    @Test
    void version_isPrinted() {
        Cli cli = Cli.run("--version");
        assertThat(cli.exit()).isZero();
        assertThat(cli.line()).isEqualTo(JrqMain.VERSION);
        assertThat(Cli.run("info", "--version").line()).isEqualTo(JrqMain.VERSION);
    }

    @Test
    void noCommand_isAUsageError() {
        Cli cli = Cli.run();
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).startsWith("jrq: a command is needed").contains("Try 'jrq --help'.");
    }

    @Test
    void unknownOption_isAUsageError_exitTwo() {
        Cli cli = Cli.run("info", "--bogus");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).startsWith("jrq: Unknown option: '--bogus'").contains("Try 'jrq info --help'.");
    }

    @Test
    void enqueueWithoutName_orWithBothSchedules_isAUsageError() {
        assertThat(Cli.run("enqueue").exit()).isEqualTo(2);
        assertThat(Cli.run("enqueue", "x", "--schedule-in", "1m", "--schedule-at", "2031-01-01T00:00:00").err())
                .startsWith("jrq: give --schedule-in or --schedule-at, not both");
        assertThat(Cli.run("requeue").exit()).isEqualTo(2);
        assertThat(Cli.run("empty").exit()).isEqualTo(2);
    }

    @Test
    void badUrl_exitsOneWithOneLine() {
        Cli cli = Cli.run("info", "--url", "nope://x");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("jrq: bad Redis URL 'nope://x': scheme must be redis or rediss; expected "
                + "redis://[user:password@]host[:port][/db] or rediss://..." + System.lineSeparator());
    }

    @Test
    void unreachableRedis_exitsOneNamingTheAddress() {
        Cli cli = Cli.run("info", "--url", "redis://127.0.0.1:1");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).startsWith("jrq: cannot connect to Redis at redis://127.0.0.1:1/0").doesNotContain("\tat ");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void malformedJsonArgument_exitsOneQuotingIt_beforeConnecting() {
        Cli cli = Cli.run("enqueue", "--url", "redis://127.0.0.1:1", "mail.send", "ok", "opts:={\"a\": ");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).startsWith("jrq: cannot parse keyword argument 'opts' as JSON: 'opts:={\"a\": ' (");
        assertThat(cli.err().lines()).hasSize(1);
    }

    @Test
    void badDuration_exitsOne() {
        Cli cli = Cli.run("enqueue", "--url", "redis://127.0.0.1:1", "--schedule-in", "soon", "x");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).startsWith("jrq: --schedule-in: 'soon' is not a duration");
        assertThat(Cli.run("suspend", "--duration", "x").err()).startsWith("jrq: --duration: 'x' is not a duration");
    }

    @Test
    void unexpectedError_isOneLine_andItsTraceComesWithVerbose() {
        assertThat(runBoom("boom").err()).isEqualTo("jrq: unexpected error: java.lang.NullPointerException: bug "
                + "(--verbose shows the trace)" + System.lineSeparator());
        Cli verbose = runBoom("boom", "--verbose");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).startsWith("java.lang.NullPointerException: bug").contains("\tat ");
    }

    @Test
    void anErrorWithItsOwnExitCode_keepsIt() {
        Cli cli = runBoom("picky");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("jrq: --bind 0.0.0.0 needs credentials" + System.lineSeparator());
    }

    @Test
    void dashboardOffLoopbackWithoutCredentials_isAUsageError_asInItsJar() {
        Cli cli = Cli.run("dashboard", "--url", "redis://127.0.0.1:1", "--bind", "0.0.0.0");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).startsWith("jrq: ").hasLineCount(1);
    }

    @Test
    void badJobOption_exitsOneSayingWhy() {
        Cli cli = Cli.run("enqueue", "--url", "redis://127.0.0.1:1", "--job-id", "no spaces", "x");
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.err()).startsWith("jrq: job id 'no spaces' is not valid");
    }

    private static Cli runBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = JrqMain.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        commandLine.addSubcommand(new Boom());
        commandLine.addSubcommand(new Picky());
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }
}
