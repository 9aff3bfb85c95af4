package dev.jrq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python snippet with RQ against the test Redis ({@code connection} is defined). Without Python RQ the test
 * is skipped, saying why, or fails when {@code JRQ_REQUIRE_PYTHON_RQ=1}.
 */
final class PythonRq {
    private static final String PYTHON = "/usr/bin/python3";

    private PythonRq() {
    }

    static String run(TestRedis redis, String code) throws Exception {
        requireRq();
        String script = "from redis import Redis\nconnection = Redis.from_url(" + quote(redis.url()) + ")\n" + code;
        Process process = new ProcessBuilder(PYTHON, "-c", script).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void requireRq() throws Exception {
        boolean present;
        try {
            Process check = new ProcessBuilder(List.of(PYTHON, "-c", "import rq, redis")).start();
            present = check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (java.io.IOException e) {
            present = false;
        }
        if (!present) {
            String reason = "Python RQ is not installed (" + PYTHON + " -c 'import rq' failed; apt-get install "
                    + "python3-rq)";
            if ("1".equals(System.getenv("JRQ_REQUIRE_PYTHON_RQ"))) {
                throw new AssertionError(reason + " and JRQ_REQUIRE_PYTHON_RQ=1");
            }
            System.out.println("[jrq-test] skipped: " + reason);
            Assumptions.abort(reason);
        }
    }
}
