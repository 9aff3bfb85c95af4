package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed's {@code test.py} in Java: {@link Producer} enqueues the test job and waits until a worker jar runs it. */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class ProducerIT {
    // why: by name; failsafe's class path has jrq-examples.jar, which holds only the jobs, not Producer
    private static final String PRODUCER = "dev.jrq.examples.Producer";

    @Test
    void producer_workerJarRunsTheJob_printsTheResultAndExitsZero(TestRedis redis, Processes processes) {
        RunningProcess producer = processes.javaMain(Processes.DEMO_JAR, PRODUCER,
                redis.url(), "Hello from a test");
        producer.awaitOutput("waiting for a worker");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        producer.awaitSuccess();
        assertThat(producer.stdout()).contains("Enqueued test_job.i_am_a_job(Hello from a test) as job ")
                .containsPattern("Job \\S+ is finished with result: Hello from a test");
    }
}
