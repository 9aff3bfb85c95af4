package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.jobs.CountVisit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/**
 * The README's first command, {@code java -jar examples/target/jrq-demo.jar}: with {@code --once} against the
 * test's Redis; running until SIGTERM with its page-visit app and dashboard moved off taken ports; and with its
 * own embedded Redis, which must be gone after SIGTERM.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class DemoIT {
    private static final Pattern APP_MOVED =
            Pattern.compile("port (\\d+) is taken; the page-visit app is on (\\d+)");
    private static final Pattern DASHBOARD_MOVED =
            Pattern.compile("port (\\d+) is taken; the dashboard is on (\\d+)");
    private static final Pattern EMBEDDED = Pattern.compile("Redis: redis://127\\.0\\.0\\.1:(\\d+) \\(embedded");

    @Test
    void demoJar_onceWithRedisUrlInEnvironment_printsEveryResultAndExitsZero(TestRedis redis, Processes processes)
            throws IOException {
        int port = Http.freePort();
        int dashboardPort = Http.freePort();
        RunningProcess demo = processes.javaJar(Processes.DEMO_JAR, Map.of(RedisConfig.URL_VARIABLE, redis.url()),
                "--once", "--port", String.valueOf(port), "--dashboard-port", String.valueOf(dashboardPort));

        demo.awaitSuccess();

        assertThat(demo.stdout()).contains("Redis: " + redis.url() + "\n")
                .doesNotContain("embedded")
                .contains("  Page-visit app  http://localhost:" + port + "/")
                .contains("  Dashboard       http://127.0.0.1:" + dashboardPort + "/")
                .contains("with result: Hello from JRQ")
                .contains("visitor no. 1", "visitor no. 2", "visitor no. 3")
                .contains("GET http://localhost:" + port + "/ -> Congrats! You are the visitor no.: 3")
                .contains("Demo stopped.");
        assertThat(redis.raw().getBucket(CountVisit.COUNT_KEY, StringCodec.INSTANCE).get()).isEqualTo("3");
        assertThat(redis.newClient().workers()).isEmpty();
    }

    @Test
    void demoJar_portsTaken_servesOnTheNextFreeOnesSaysSoAndStopsCleanlyOnSigterm(TestRedis redis,
                                                                                   Processes processes)
            throws IOException {
        JrqClient client = redis.newClient();
        try (ServerSocket appPort = new ServerSocket(0); ServerSocket dashboardPort = new ServerSocket(0)) {
            RunningProcess demo = processes.javaJar(Processes.DEMO_JAR,
                    Map.of(RedisConfig.URL_VARIABLE, redis.url()), "--port", String.valueOf(appPort.getLocalPort()),
                    "--dashboard-port", String.valueOf(dashboardPort.getLocalPort()));
            demo.awaitOutput("Ctrl-C stops.");

            String app = "http://localhost:" + movedPort(demo, APP_MOVED, appPort) + "/";
            String dashboard = "http://127.0.0.1:" + movedPort(demo, DASHBOARD_MOVED, dashboardPort) + "/";
            assertThat(Http.get(app + "visit")).isEqualTo("Visit has been registered");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Http.get(app)).isEqualTo("Congrats! You are the visitor no.: 6"));
            assertThat(Http.get(dashboard + "api/overview")).contains("\"default\"");
            assertThat(demo.stdout()).contains("email.send_welcome -> ", "Scheduled job ",
                    "Recurring schedule " + DemoJobs.SCHEDULE);
            assertThat(ScheduleStore.of(client).find(DemoJobs.SCHEDULE)).isPresent();

            demo.stop();

            assertThat(demo.stdout()).endsWith("Demo stopped.\n");
            assertThat(ScheduleStore.of(client).find(DemoJobs.SCHEDULE)).isEmpty();
            assertThat(client.workers()).isEmpty();
        }
    }

    @Test
    void demoJar_noRedisAnywhere_startsAnEmbeddedOneAndStopsItOnSigterm(Processes processes) throws IOException {
        assumeThat(answers(6379)).as("nothing listens on localhost:6379").isFalse();
        RunningProcess demo = processes.javaJar(Processes.DEMO_JAR, Map.of(), "--port",
                String.valueOf(Http.freePort()), "--dashboard-port", String.valueOf(Http.freePort()));
        demo.awaitOutput("Ctrl-C stops.");
        Matcher embedded = EMBEDDED.matcher(demo.stdout());
        assertThat(embedded.find()).as("the demo says it runs an embedded Redis: %s", demo.stdout()).isTrue();
        int redisPort = Integer.parseInt(embedded.group(1));
        assertThat(answers(redisPort)).isTrue();

        demo.stop();

        assertThat(demo.stdout()).endsWith("Demo stopped.\n");
        assertThat(answers(redisPort)).as("the embedded Redis is stopped").isFalse();
    }

    /** The port the demo says it moved to from the taken one. */
    private static int movedPort(RunningProcess demo, Pattern said, ServerSocket taken) {
        Matcher moved = said.matcher(demo.stdout());
        assertThat(moved.find()).as("the demo says %s moved: %s", said, demo.stdout()).isTrue();
        assertThat(moved.group(1)).isEqualTo(String.valueOf(taken.getLocalPort()));
        return Integer.parseInt(moved.group(2));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
