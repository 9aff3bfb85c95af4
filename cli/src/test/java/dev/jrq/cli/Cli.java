package dev.jrq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code jrq} in this JVM and keeps what it printed. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = JrqMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** The single line printed on stdout, e.g. a job id. */
    String line() {
        return out.strip();
    }
}
