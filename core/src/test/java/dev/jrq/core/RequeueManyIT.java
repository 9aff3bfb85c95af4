package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link JobQueue#requeueMany}: RQ's requeue for many failed jobs in one pipelined round trip. */
@ExtendWith(RedisServerExtension.class)
class RequeueManyIT {
    @Test
    void requeueMany_failedQueuedAndUnknown_failedOnesRequeuedOthersSayWhy(TestRedis redis) {
        JrqClient client = redis.newClient();
        JobQueue queue = client.queue("default");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queue.enqueue("rqjobs.fail", i);
            failed.add(new TestWorker(client, "default").fail("boom " + i).jobId());
        }
        String queued = queue.enqueue("rqjobs.noop").id();
        List<String> ids = new ArrayList<>(failed);
        ids.add(queued);
        ids.add("no-such-job");

        Map<String, String> errors = queue.requeueMany(ids);

        assertThat(errors).containsOnlyKeys(queued, "no-such-job");
        assertThat(errors.get(queued)).isEqualTo("job is queued and not in the failed registry of queue default; "
                + "only a failed job can be requeued");
        assertThat(errors.get("no-such-job")).isEqualTo("no such job (deleted or expired)");
        assertThat(queue.registry(RegistryType.FAILED).count()).isZero();
        assertThat(queue.jobIds(0, 10)).containsExactly(queued, failed.get(0), failed.get(1), failed.get(2));
        failed.forEach(id -> assertThat(client.fetchJob(id).status()).isEqualTo(JobStatus.QUEUED));
        assertThat(queue.requeueMany(List.of())).isEmpty();
    }

    @Test
    void requeueMany_hashGoneWhileListed_idDroppedAndReported(TestRedis redis) {
        JrqClient client = redis.newClient();
        JobQueue queue = client.queue("default");
        queue.enqueue("rqjobs.fail");
        String id = new TestWorker(client, "default").fail("boom").jobId();
        redis.raw().getKeys().delete("rq:job:" + id);

        assertThat(queue.requeueMany(List.of(id))).containsEntry(id, "no such job (deleted or expired)");
        assertThat(queue.registry(RegistryType.FAILED).count()).isZero();
    }
}
