package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, {@code java -jar target/jrq-dashboard.jar}, as a process of its own. */
@ExtendWith(RedisServerExtension.class)
class DashboardJarIT {
    private static final Path JAR = Path.of("target/jrq-dashboard.jar");

    private Process process;

    @AfterEach
    void killLeftover() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void jar_againstTheTestRedis_servesTheApiAndStopsOnSigterm(TestRedis redis, @TempDir Path dir)
            throws IOException, InterruptedException {
        redis.newClient().queue("mail").enqueue("mail.send");
        int port = freePort();
        Path log = dir.resolve("dashboard.log");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "--url", redis.url(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api api = new Api("http://127.0.0.1:" + port);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> api.get("/api/overview").status() == 200);
        Api.Response overview = api.get("/api/overview");
        assertThat(overview.json().get("queues").get(0).get("name").asText()).isEqualTo("mail");
        assertThat(api.get("/").body()).contains("<html");

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited; output:%n%s", Files.readString(log)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("JRQ dashboard on http://127.0.0.1:" + port, "SIGTERM: stopping",
                "Dashboard stopped");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
