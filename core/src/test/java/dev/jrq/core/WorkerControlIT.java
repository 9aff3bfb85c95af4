package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class WorkerControlIT {
    private TestRedis redis;
    private JrqClient client;
    private WorkerControl control;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.control = client.workerControl();
    }

    @AfterEach
    void resume() {
        control.resume();
    }

    @Test
    void suspend_thenResume_seenByWorkersAsRqSuspended() {
        control.suspend();

        assertThat(control.isSuspended()).isTrue();
        assertThat(client.workerStore().isSuspended()).isTrue();
        assertThat(redis.raw().<String>getBucket("rq:suspended", org.redisson.client.codec.StringCodec.INSTANCE).get())
                .isEqualTo("1");

        control.resume();

        assertThat(control.isSuspended()).isFalse();
        assertThat(client.workerStore().isSuspended()).isFalse();
    }

    @Test
    void suspendForDuration_keyExpiresAfterIt() {
        control.suspend(Duration.ofSeconds(30));

        long ttl = redis.ttlSeconds("rq:suspended");
        assertThat(ttl).isBetween(25L, 30L);
    }

    @Test
    void suspendForZero_refusedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> control.suspend(Duration.ZERO))
                .withMessageContaining("more than zero");
        assertThat(control.isSuspended()).isFalse();
    }

    @Test
    void commands_reachAListeningWorkerInRqFormat() throws Exception {
        List<WorkerCommand> received = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = client.workerStore().onCommands(List.of("w1"), received::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> control.shutdown("w1") == 1);
            control.stopJob("w1", "job-7");
            control.killRunningJob("w1");

            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 3);
        }
        assertThat(received).contains(new WorkerCommand("w1", "stop-job", "job-7"),
                new WorkerCommand("w1", "kill-horse", null));
        assertThat(received.get(0).command()).isEqualTo("shutdown");
    }

    @Test
    void commandToAbsentWorker_reachesNobody() {
        assertThat(control.shutdown("nobody-here")).isZero();
    }
}
