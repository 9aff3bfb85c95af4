package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's page-visit app as users run it, {@code java -jar examples/target/jrq-page-visit.jar --url ... --port
 * ...}, with the worker jar counting the visits.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class PageVisitAppIT {
    static final Path PAGE_VISIT_JAR = Path.of("target/jrq-page-visit.jar");

    @Test
    void pageVisitJar_threeVisitsThenAWorkerRun_frontPageShowsVisitorThree(TestRedis redis, Processes processes)
            throws IOException {
        int port = Http.freePort();
        RunningProcess app = processes.javaJar(PAGE_VISIT_JAR, Map.of(), "--url", redis.url(),
                "--port", String.valueOf(port));
        app.awaitOutput("Ctrl-C stops");
        String url = "http://localhost:" + port + "/";
        assertThat(Http.get(url)).isEqualTo("Congrats! You are the visitor no.: 0");

        for (int i = 0; i < 3; i++) {
            assertThat(Http.get(url + "visit")).isEqualTo("Visit has been registered");
        }
        assertThat(redis.newClient().queue("default").count()).isEqualTo(3);
        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThat(Http.get(url)).isEqualTo("Congrats! You are the visitor no.: 3");
        assertThat(Http.status(url + "nothing-here")).isEqualTo(404);
    }

    @Test
    void pageVisitJar_portTaken_exitsOneWithAOneLineMessage(TestRedis redis, Processes processes)
            throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            RunningProcess app = processes.javaJar(PAGE_VISIT_JAR, Map.of(), "--url", redis.url(),
                    "--port", String.valueOf(taken.getLocalPort()));

            assertThat(app.awaitExit(RunningProcess.TIMEOUT)).isEqualTo(1);
            assertThat(app.stderr().lines()).containsExactly("jrq-page-visit: port " + taken.getLocalPort()
                    + " is taken; choose another with --port");
            assertThat(app.stdout()).isEmpty();
        }
    }
}
