package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobPayload;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.cbor.CborSerializer;
import dev.jrq.examples.jobs.IAmAJob;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The serializer plugin as users deploy it: a producer (in this JVM, or the {@code Producer} command with the
 * plugin's jar on its class path) enqueues with {@link CborSerializer}, and the worker jar runs the job with
 * {@code --serializer cbor --path jrq-cbor-serializer.jar:jrq-examples.jar}; a worker without the plugin refuses
 * {@code --serializer cbor} at start.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class CborSerializerIT {
    static final Path CBOR_JAR = Path.of("cbor-serializer/target/jrq-cbor-serializer.jar");
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Map<String, Object> DOCUMENT = Map.of("name", "Ada", "tags", List.of("x", "y"),
            "score", 2.5, "big", 12345678901234567L);

    @Test
    void workerJarWithThePlugin_cborEnqueuedJob_runsAndItsResultDecodes(TestRedis redis, Processes processes) {
        try (JrqClient cbor = JrqClient.connect(RedisConfig.fromUrl(redis.url()), new CborSerializer(),
                Clock.systemUTC())) {
            Job job = cbor.queue("default").enqueue(IAmAJob.class, DOCUMENT);

            processes.javaJar(Processes.WORKER_JAR, Map.of(), "--url", redis.url(), "--serializer", "cbor",
                    "--path", CBOR_JAR + File.pathSeparator + Processes.EXAMPLES_JAR, "--burst", "default")
                    .awaitSuccess();

            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.waitForResult(WAIT)).isEqualTo(DOCUMENT);
            assertThat(cbor.fetchJob(job.id()).payload().args()).containsExactly(DOCUMENT);
        }
    }

    @Test
    void producerWithSerializerCbor_workerJarWithThePlugin_printsTheResult(TestRedis redis, Processes processes) {
        RunningProcess producer = processes.javaMain(List.of(Processes.DEMO_JAR, CBOR_JAR),
                "dev.jrq.examples.Producer", "--serializer", "cbor", redis.url(), "Hello in CBOR");
        producer.awaitOutput("waiting for a worker");
        assertThat(redis.newClient().queue("default").count()).isEqualTo(1);

        processes.javaJar(Processes.WORKER_JAR, Map.of(), "--url", redis.url(), "--serializer", "cbor",
                "--path", CBOR_JAR + File.pathSeparator + Processes.EXAMPLES_JAR, "--burst", "default")
                .awaitSuccess();

        producer.awaitSuccess();
        assertThat(producer.stdout()).containsPattern("Job \\S+ is finished with result: Hello in CBOR");
    }

    @Test
    void cborEnqueuedJob_readWithJson_isListedButItsPayloadIsNotDecoded(TestRedis redis) {
        String id;
        try (JrqClient cbor = JrqClient.connect(RedisConfig.fromUrl(redis.url()), new CborSerializer(),
                Clock.systemUTC())) {
            id = cbor.queue("default").enqueue(IAmAJob.class, DOCUMENT).id();
        }

        JobPayload seenByJson = redis.newClient().fetchJob(id).payload();

        assertThat(seenByJson.isDecoded()).isFalse();
        assertThat(seenByJson.error()).contains("not JSON");
    }

    @Test
    void workerJarWithoutThePlugin_serializerCbor_exitsOneNamingTheKnownSerializers(TestRedis redis,
                                                                                    Processes processes) {
        RunningProcess worker = processes.worker(redis.url(), "--serializer", "cbor", "--burst", "default");

        assertThat(worker.awaitExit(RunningProcess.TIMEOUT)).isEqualTo(1);
        assertThat(worker.stderr().lines()).containsExactly("jrq-worker: no serializer named 'cbor'; known: [json]");
        assertThat(worker.stdout()).isEmpty();
    }
}
