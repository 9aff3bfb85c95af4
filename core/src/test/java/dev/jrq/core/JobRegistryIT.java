package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class JobRegistryIT {
    private static final Instant START = Instant.parse("2026-11-28T07:51:35Z");

    private final MutableClock clock = MutableClock.at(START);
    private JobQueue queue;
    private TestWorker worker;

    @BeforeEach
    void connect(TestRedis redis) {
        JrqClient client = redis.newClient(clock);
        queue = client.queue("default");
        worker = new TestWorker(client, "default");
    }

    @Test
    void countAndContains_finishedJobs_listed() {
        Job done = queue.enqueue("rqjobs.noop");
        worker.succeed(null);
        Job waiting = queue.enqueue("rqjobs.noop");

        JobRegistry finished = queue.registry(RegistryType.FINISHED);
        assertThat(finished.count()).isEqualTo(1);
        assertThat(finished.contains(done.id())).isTrue();
        assertThat(finished.contains(waiting.id())).isFalse();
        assertThat(finished.queue()).isEqualTo("default");
        assertThat(finished.type()).isEqualTo(RegistryType.FINISHED);
    }

    @Test
    void jobIds_finishedOneSecondApart_newestFirstInPages() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> {
            Job job = queue.enqueue("rqjobs.noop");
            worker.succeed(i);
            clock.advance(Duration.ofSeconds(1));
            return job.id();
        }).toList();

        JobRegistry finished = queue.registry(RegistryType.FINISHED);
        assertThat(finished.jobIds(0, 2)).containsExactly(ids.get(4), ids.get(3));
        assertThat(finished.jobIds(2, 2)).containsExactly(ids.get(2), ids.get(1));
        assertThat(finished.jobIds(4, 2)).containsExactly(ids.get(0));
        assertThat(finished.jobIds(0, 0)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> finished.jobIds(0, -1));
    }

    @Test
    void score_finishedAndStartedJobs_expiryAndLeaseDeadline() {
        Job forever = queue.enqueue(JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().resultTtl(JobOptions.FOREVER).build()));
        worker.succeed(null);
        Job running = queue.enqueue("rqjobs.noop");
        worker.take();

        assertThat(queue.registry(RegistryType.FINISHED).score(forever.id())).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(queue.registry(RegistryType.STARTED).score(running.id()))
                .isEqualTo((double) START.plus(WorkerStore.LEASE).getEpochSecond());
        assertThat(queue.registry(RegistryType.FAILED).score(running.id())).isNull();
    }

    @Test
    void cleanup_afterTheirExpiry_dropsOnlyExpiredFinishedAndFailedEntries() {
        Job finishedEarly = queue.enqueue("rqjobs.noop");
        worker.succeed(null);
        Job keptLonger = queue.enqueue(JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().resultTtl(Duration.ofHours(1)).build()));
        worker.succeed(null);
        Job failedShort = queue.enqueue(JobRequest.of("rqjobs.fail")
                .withOptions(JobOptions.builder().failureTtl(Duration.ofSeconds(100)).build()));
        worker.fail("boom");
        Job failedLong = queue.enqueue("rqjobs.fail");
        worker.fail("boom");
        Job canceled = queue.enqueue("rqjobs.noop");
        canceled.cancel();

        clock.advance(Duration.ofSeconds(600));

        assertThat(queue.registry(RegistryType.FINISHED).cleanup()).isEqualTo(1);
        assertThat(queue.registry(RegistryType.FAILED).cleanup()).isEqualTo(1);
        assertThat(queue.registry(RegistryType.CANCELED).cleanup()).isZero();
        assertThat(queue.registry(RegistryType.FINISHED).jobIds(0, 10)).containsExactly(keptLonger.id());
        assertThat(queue.registry(RegistryType.FAILED).jobIds(0, 10)).containsExactly(failedLong.id());
        assertThat(queue.registry(RegistryType.CANCELED).jobIds(0, 10)).containsExactly(canceled.id());
        assertThat(queue.registry(RegistryType.FINISHED).contains(finishedEarly.id())).isFalse();
        assertThat(queue.registry(RegistryType.FAILED).contains(failedShort.id())).isFalse();
    }
}
