package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.Dependency;
import dev.jrq.api.DuplicateJobException;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** Jobs that wait for other jobs, in RQ's layout, and unique job ids. */
@ExtendWith(RedisServerExtension.class)
class DependenciesIT {
    private TestRedis redis;
    private JrqClient client;
    private JobQueue queue;
    private TestWorker worker;

    @BeforeEach
    void connect(TestRedis testRedis) {
        redis = testRedis;
        client = redis.newClient();
        queue = client.queue("default");
        worker = new TestWorker(client, "default");
    }

    @Test
    void enqueue_unfinishedParent_deferredInRqsLayout() {
        Job parent = queue.enqueue("rqjobs.parent");
        Job child = enqueueAfter("child", Dependency.on(parent.id()));

        assertThat(child.status()).isEqualTo(JobStatus.DEFERRED);
        assertThat(redis.hash("rq:job:child")).containsEntry("dependency_id", parent.id())
                .containsEntry("dependency_ids", "[\"" + parent.id() + "\"]")
                .containsEntry("allow_dependency_failures", "0").containsEntry("enqueue_at_front", "0")
                .doesNotContainKey("enqueued_at");
        assertThat(members("rq:job:" + parent.id() + ":dependents")).containsExactly("child");
        assertThat(members("rq:job::child:dependencies")).containsExactly(parent.id());
        assertThat(queue.registry(RegistryType.DEFERRED).contains("child")).isTrue();
        assertThat(queue.jobIds(0, 10)).containsExactly(parent.id());
    }

    @Test
    void finish_lastParent_releasesTheChild_atTheFrontWhenAsked() {
        Job first = queue.enqueue("rqjobs.first");
        Job second = queue.enqueue("rqjobs.second");
        Job child = queue.enqueue(JobRequest.of("rqjobs.child").withOptions(JobOptions.builder().jobId("child")
                .atFront(true).dependsOn(Dependency.on(first.id(), second.id())).build()));
        Job other = queue.enqueue("rqjobs.other");

        worker.succeed(1);
        assertThat(child.status()).as("one parent left").isEqualTo(JobStatus.DEFERRED);
        worker.succeed(2);

        assertThat(child.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queue.jobIds(0, 10)).containsExactly("child", other.id());
        assertThat(queue.registry(RegistryType.DEFERRED).count()).isZero();
        assertThat(redis.hash("rq:job:child")).containsKey("enqueued_at");
        assertThat(redis.raw().getKeys().countExists("rq:job:" + second.id() + ":dependents")).isZero();
    }

    @Test
    void enqueue_parentFinishedAlready_queuedAtOnce() {
        Job parent = queue.enqueue("rqjobs.parent");
        worker.succeed(1);
        Job child = enqueueAfter("child", Dependency.on(parent.id()));
        assertThat(child.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queue.jobIds(0, 10)).containsExactly("child");
    }

    @Test
    void failedParent_blocksTheChild_visibly_andARequeuedParentReleasesItLater() {
        Job parent = queue.enqueue("rqjobs.parent");
        Job child = enqueueAfter("child", Dependency.on(parent.id()));
        worker.fail("boom");

        assertThat(child.status()).isEqualTo(JobStatus.DEFERRED);
        assertThat(redis.hash("rq:job:child")).containsEntry("jrq_blocked_by", parent.id())
                .containsEntry("jrq_blocked_reason", "dependency " + parent.id() + " ended failed");

        queue.requeue(parent.id());
        worker.succeed(1);
        assertThat(child.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(redis.hash("rq:job:child")).doesNotContainKey("jrq_blocked_by");
    }

    @Test
    void failedParent_allowFailure_releasesTheChild() {
        Job parent = queue.enqueue("rqjobs.parent");
        Job child = enqueueAfter("child", Dependency.on(parent.id()).allowingFailure());
        worker.fail("boom");
        assertThat(child.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(redis.hash("rq:job:child")).containsEntry("allow_dependency_failures", "1");
    }

    @Test
    void canceledParent_blocksTheChild() {
        Job parent = queue.enqueue("rqjobs.parent");
        Job child = enqueueAfter("child", Dependency.on(parent.id()));
        queue.cancel(parent.id());
        assertThat(child.status()).isEqualTo(JobStatus.DEFERRED);
        assertThat(redis.hash("rq:job:child")).containsEntry("jrq_blocked_reason",
                "dependency " + parent.id() + " ended canceled");
    }

    @Test
    void enqueue_parentFailedAlready_childIsBlockedFromTheStart() {
        Job parent = queue.enqueue("rqjobs.parent");
        worker.fail("boom");
        enqueueAfter("child", Dependency.on(parent.id()));
        assertThat(redis.hash("rq:job:child")).containsEntry("status", "deferred")
                .containsEntry("jrq_blocked_by", parent.id());
    }

    @Test
    void enqueue_missingParent_refusedNamingIt_andNothingStored() {
        assertThatThrownBy(() -> enqueueAfter("child", Dependency.on("no-such-parent")))
                .isInstanceOf(NoSuchJobException.class).hasMessageContaining("'no-such-parent'");
        assertThat(redis.raw().getKeys().countExists("rq:job:child")).isZero();
    }

    @Test
    void deleteJob_withDependents_deletesTheWaitingJobsToo() {
        Job parent = queue.enqueue("rqjobs.parent");
        enqueueAfter("child", Dependency.on(parent.id()));
        Job other = queue.enqueue("rqjobs.other");

        assertThat(queue.deleteJob(parent.id(), true)).isEqualTo(2);

        assertThat(redis.raw().getKeys().countExists("rq:job:" + parent.id(), "rq:job:child",
                "rq:job::child:dependencies", "rq:job:" + parent.id() + ":dependents")).isZero();
        assertThat(queue.registry(RegistryType.DEFERRED).count()).isZero();
        assertThat(queue.jobIds(0, 10)).containsExactly(other.id());
    }

    @Test
    void uniqueJob_secondEnqueueRefused_firstKept() {
        JobOptions unique = JobOptions.builder().jobId("report-2026-11").unique(true).build();
        queue.enqueue(JobRequest.of("reports.monthly", 1).withOptions(unique));
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("reports.monthly", 2).withOptions(unique)))
                .isInstanceOf(DuplicateJobException.class)
                .hasMessage("a job with id 'report-2026-11' exists already; unique jobs are refused a second time");
        assertThat(queue.jobIds(0, 10)).containsExactly("report-2026-11");
        assertThat(client.fetchJob("report-2026-11").payload().args()).containsExactly(1);
    }

    @Test
    void enqueueMany_aUniqueDuplicateInTheBatch_isReported() {
        JobOptions unique = JobOptions.builder().jobId("once").unique(true).build();
        assertThatThrownBy(() -> queue.enqueueMany(List.of(JobRequest.of("a").withOptions(unique),
                JobRequest.of("b").withOptions(unique)))).isInstanceOf(DuplicateJobException.class);
        assertThat(client.fetchJob("once").jobName()).isEqualTo("a");
    }

    private Job enqueueAfter(String childId, Dependency dependency) {
        return queue.enqueue(JobRequest.of("rqjobs.child").withOptions(JobOptions.builder().jobId(childId)
                .dependsOn(dependency).build()));
    }

    private java.util.Set<String> members(String key) {
        return redis.raw().<String>getSet(key, StringCodec.INSTANCE).readAll();
    }
}
