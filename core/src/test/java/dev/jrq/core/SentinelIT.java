package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.testing.RedisProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSentinel;

/**
 * JRQ behind Redis Sentinel, configured as a user would: a Redisson YAML file with {@code sentinelServersConfig}
 * read by {@link RedisConfig#fromYaml}. A private primary, one replica and one Sentinel run as child processes
 * of the {@code redis-server} the other Redis tests use ({@link RedisProcess}: the PATH, else embedded-redis, else
 * the test fails saying what to install); {@code JRQ_TEST_REDIS_URL} does not apply, this test needs its own
 * processes. The last test kills the primary and shows the same client working on the promoted replica.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentinelIT {
    private static final String MASTER_NAME = "jrqmaster";
    private static final String WORKER = "sentinel-worker";
    private static final List<String> QUEUES = List.of("default");

    @TempDir
    static Path dir;

    private static RedisProcess primary;
    private static LocalRedisServer replica;
    private static Process sentinel;
    private static int sentinelPort;
    private static JrqClient client;

    @BeforeAll
    static void startPrimaryReplicaAndSentinel() throws IOException {
        primary = RedisProcess.start();
        List<String> replicaArguments = new ArrayList<>(LocalRedisServer.NO_PERSISTENCE);
        replicaArguments.addAll(List.of("--replicaof", "127.0.0.1", String.valueOf(primary.port())));
        replica = LocalRedisServer.start(primary.executable(), replicaArguments, false);
        sentinelPort = freePort();
        sentinel = startSentinel(primary.executable(), primary.port(), sentinelPort);
        client = JrqClient.connect(RedisConfig.fromYaml(writeSentinelYaml(sentinelPort)));
        awaitSentinelSeesReplica();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (sentinel != null) {
            sentinel.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (replica != null) {
            replica.kill();
        }
        if (primary != null) {
            primary.stop();
        }
    }

    @Test
    @Order(1)
    void fromYaml_sentinelServersConfig_jobEnqueuedTakenAndFinished() throws InterruptedException {
        Job job = client.queue("default").enqueue(JobRequest.of("rqjobs.add", 2, 3));

        finishNextJob(job.id(), 5);

        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.latestResult()).hasValueSatisfying(result -> {
            assertThat(result.isSuccessful()).isTrue();
            assertThat(result.returnValue()).isEqualTo(5);
        });
        assertThat(client.queue("default").isEmpty()).isTrue();
    }

    @Test
    @Order(2)
    void primaryKilled_sentinelPromotesReplica_sameClientEnqueuesTakesAndReadsBack() throws InterruptedException {
        Job before = client.queue("default").enqueue(JobRequest.of("rqjobs.add", 1, 1));
        finishNextJob(before.id(), 2);
        await().atMost(Duration.ofSeconds(10)).until(SentinelIT::replicaCaughtUp);

        primary.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> masterPort() == replica.port());

        Job after = client.queue("default").enqueue(JobRequest.of("rqjobs.add", 20, 22));
        finishNextJob(after.id(), 42);

        assertThat(after.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(after.latestResult()).hasValueSatisfying(result -> assertThat(result.returnValue()).isEqualTo(42));
        assertThat(before.status()).as("written before the failover, read from the new primary")
                .isEqualTo(JobStatus.FINISHED);
    }

    private static void finishNextJob(String expectedId, Object returnValue) throws InterruptedException {
        WorkerStore store = client.workerStore();
        store.register(WORKER, QUEUES, Map.of());
        ClaimedJob claimed = store.take(WORKER, QUEUES, Duration.ofSeconds(5)).claimed().orElseThrow();
        assertThat(claimed.jobId()).isEqualTo(expectedId);
        assertThat(store.finishSuccess(WORKER, claimed, returnValue)).isTrue();
    }

    private static Path writeSentinelYaml(int port) throws IOException {
        // why: with one Sentinel, SENTINEL SENTINELS lists no others, which Redisson's check would refuse
        return Files.writeString(dir.resolve("redisson-sentinel.yaml"), """
                sentinelServersConfig:
                  masterName: "%s"
                  sentinelAddresses:
                    - "redis://127.0.0.1:%d"
                  checkSentinelsList: false
                  readMode: "MASTER"
                """.formatted(MASTER_NAME, port));
    }

    private static Process startSentinel(Path executable, int primaryPort, int port) throws IOException {
        Path config = Files.writeString(dir.resolve("sentinel.conf"), """
                port %d
                bind 127.0.0.1
                dir %s
                sentinel monitor %s 127.0.0.1 %d 1
                sentinel down-after-milliseconds %s 500
                sentinel failover-timeout %s 5000
                """.formatted(port, dir.toAbsolutePath(), MASTER_NAME, primaryPort, MASTER_NAME, MASTER_NAME));
        Process process = new ProcessBuilder(executable.toString(), config.toString(), "--sentinel")
                .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> listening(port) || !process.isAlive());
        assertThat(process.isAlive()).as("Sentinel running; see " + dir.resolve("sentinel.log")).isTrue();
        return process;
    }

    /** Sentinel learns of replicas from the primary's INFO; a failover needs one it knows to be in sync. */
    private static void awaitSentinelSeesReplica() {
        await().atMost(Duration.ofSeconds(30)).until(() -> sentinel().getSlaves(MASTER_NAME).stream()
                .anyMatch(known -> "ok".equals(known.get("master-link-status"))));
    }

    /** The replica has acknowledged everything the primary has written (its offset in the primary's INFO). */
    private static boolean replicaCaughtUp() {
        Map<String, String> replication = client.redis().getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster()
                .info(RedisNode.InfoSection.REPLICATION);
        String firstReplica = replication.getOrDefault("slave0", "");
        return firstReplica.contains("offset=" + replication.get("master_repl_offset") + ",");
    }

    private static int masterPort() {
        return sentinel().getMasterAddr(MASTER_NAME).getPort();
    }

    private static RedisSentinel sentinel() {
        return client.redis().getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getSentinels().iterator().next();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
