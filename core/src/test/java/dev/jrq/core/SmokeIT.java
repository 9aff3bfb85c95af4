package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class SmokeIT {
    @Test
    void enqueueTakeFinish_resultIsReadBack(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("test_job.i_am_a_job", 7);
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("status", "queued");
        WorkerStore store = client.workerStore();
        store.register("w1", List.of("default"), java.util.Map.of("state", "started"));
        Optional<ClaimedJob> claimed = store.take("w1", List.of("default"), Duration.ofSeconds(1));
        assertThat(claimed).isPresent();
        assertThat(claimed.get().arg(0, Integer.class)).isEqualTo(7);
        assertThat(store.finishSuccess("w1", claimed.get(), 7, Duration.ofMillis(3))).isTrue();
        assertThat(job.waitForResult(Duration.ofSeconds(2), Integer.class)).isEqualTo(7);
    }
}
