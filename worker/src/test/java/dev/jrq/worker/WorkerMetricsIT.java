package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class WorkerMetricsIT {
    @Test
    void burst_countsStartedAndCompletedJobsByQueueNameAndOutcome(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        client.queue("default").enqueue("tests.echo", 1);
        client.queue("default").enqueue("tests.echo", 2);
        client.queue("default").enqueue("tests.boom", "x");
        client.queue("default").enqueue("made.up.name");
        long enqueuedBeforeStart = System.nanoTime();
        Thread.sleep(200); // why: each job then waits at least this long in its queue, which the timer must show
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Worker worker = new Worker(client, JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Boom())),
                new WorkerOptions("metrics", List.of("default"), 1, true, null), meters);
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ZERO);

        assertThat(meters.get(WorkerMetrics.STARTED).tag("queue", "default").tag("job", "tests.echo").counter()
                .count()).isEqualTo(2);
        assertThat(meters.get(WorkerMetrics.COMPLETED).tags("job", "tests.echo", "outcome", "finished").counter()
                .count()).isEqualTo(2);
        assertThat(meters.get(WorkerMetrics.COMPLETED).tags("job", "tests.boom", "outcome", "failed").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(WorkerMetrics.COMPLETED).tags("job", "unregistered", "outcome", "failed").counter()
                .count()).as("names read from Redis do not become tags").isEqualTo(1);
        assertThat(meters.get(WorkerMetrics.DURATION).tags("job", "tests.echo").timer().count()).isEqualTo(2);
        Timer queueWait = meters.get(WorkerMetrics.QUEUE_WAIT).tag("queue", "default").timer();
        assertThat(queueWait.count()).isEqualTo(4);
        assertThat(queueWait.totalTime(TimeUnit.MILLISECONDS)).as("four jobs queued for at least 200 ms each")
                .isBetween(4 * 200.0, 4.0 * (System.nanoTime() - enqueuedBeforeStart) / 1e6 + 1000);
        assertThat(meters.get(WorkerMetrics.RUNNING).gauge().value()).isZero();
    }
}
