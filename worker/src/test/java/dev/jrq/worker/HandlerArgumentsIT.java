package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobContext;
import dev.jrq.api.JobRequest;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a handler may do with the arguments it is given: read them, never change them. */
@ExtendWith(RedisServerExtension.class)
class HandlerArgumentsIT {

    @Test
    void handler_withAndWithoutArguments_cannotChangeThem(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job none = client.queue("default").enqueue("tests.try_to_change_arguments");
        Job some = client.queue("default").enqueue(JobRequest.of("tests.try_to_change_arguments", 1, "two")
                .withKwargs(Map.of("k", "v")));

        Worker worker = new Worker(client, JobHandlers.of(List.of(new TryToChangeArguments())),
                new WorkerOptions("args-w", List.of("default"), 1, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));

        assertThat(none.waitForResult(Duration.ofSeconds(1))).isEqualTo(List.of("refused", "refused"));
        assertThat(some.waitForResult(Duration.ofSeconds(1))).isEqualTo(List.of("refused", "refused"));
    }

    /** Tries to add an argument and a keyword argument; returns what became of each try. */
    @JobName("tests.try_to_change_arguments")
    static final class TryToChangeArguments implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return List.of(attempt(() -> job.args().add("more")), attempt(() -> job.kwargs().put("more", 1)));
        }

        private static String attempt(Runnable change) {
            try {
                change.run();
                return "changed";
            } catch (UnsupportedOperationException e) {
                return "refused";
            }
        }
    }
}
