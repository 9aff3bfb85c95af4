package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

/** What a handler's logs carry in their context (SLF4J's MDC), job after job on the same slot. */
@ExtendWith(RedisServerExtension.class)
class WorkerLoggingContextIT {

    @Test
    void eachJob_seesItsOwnIdQueueAndName_andNothingAnEarlierJobPutThere(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // why: every other job puts a key of its own, as a handler that logs per tenant would
            jobs.add(client.queue("default").enqueue("tests.logging_context", i % 2 == 0));
        }

        Worker worker = new Worker(client, JobHandlers.of(List.of(new LoggingContext())),
                new WorkerOptions("mdc-w", List.of("default"), 1, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));

        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            assertThat(job.waitForResult(Duration.ofSeconds(1))).as("job %d", i).isEqualTo(Map.of(
                    "job_id", job.id(), "queue", "default", "job_name", "tests.logging_context"));
        }
    }

    /** Returns the logging context it found; with {@code true}, then puts a key of its own and leaves it there. */
    @JobName("tests.logging_context")
    static final class LoggingContext implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            Map<String, String> seen = new TreeMap<>(MDC.getCopyOfContextMap());
            if (Boolean.TRUE.equals(job.args().get(0))) {
                MDC.put("tenant", "acme");
            }
            return seen;
        }
    }
}
