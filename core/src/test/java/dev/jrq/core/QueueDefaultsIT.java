package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A queue's default timeout, as RQ's Queue(default_timeout=...). */
@ExtendWith(RedisServerExtension.class)
class QueueDefaultsIT {
    @Test
    void withDefaultTimeout_appliesToJobsThatSetNone(TestRedis redis) {
        JobQueue reports = redis.newClient().queue("reports").withDefaultTimeout(Duration.ofMinutes(10));
        Job plain = reports.enqueue("reports.build");
        Job own = reports.enqueue(JobRequest.of("reports.build")
                .withOptions(JobOptions.builder().timeout(Duration.ofSeconds(5)).build()));
        Job forever = redis.newClient().queue("reports").withDefaultTimeout(JobOptions.FOREVER)
                .enqueue("reports.build");

        assertThat(redis.hash("rq:job:" + plain.id())).containsEntry("timeout", "600");
        assertThat(redis.hash("rq:job:" + own.id())).containsEntry("timeout", "5");
        assertThat(redis.hash("rq:job:" + forever.id())).containsEntry("timeout", "-1");
    }

    @Test
    void withDefaultTimeout_invalid_refusedSayingWhy(TestRedis redis) {
        assertThatThrownBy(() -> redis.newClient().queue("q").withDefaultTimeout(Duration.ofMillis(1500)))
                .hasMessageContaining("whole seconds");
    }
}
