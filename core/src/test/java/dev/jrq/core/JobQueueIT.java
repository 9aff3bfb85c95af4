package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.Dependency;
import dev.jrq.api.JobContext;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.api.SerializationException;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RedisServerExtension.class)
class JobQueueIT {
    private TestRedis redis;
    private JrqClient client;
    private JobQueue queue;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.queue = client.queue("default");
    }

    @Test
    void enqueue_byName_jobQueuedWithItsArguments() {
        Job job = queue.enqueue("test_job.i_am_a_job", 7);

        assertThat(queue.jobIds(0, 10)).containsExactly(job.id());
        JobRecord record = queue.fetchJob(job.id());
        assertThat(record.jobName()).isEqualTo("test_job.i_am_a_job");
        assertThat(record.payload().args()).containsExactly(7);
        assertThat(record.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(record.origin()).isEqualTo("default");
    }

    @Test
    void enqueue_byHandlerClass_storedUnderItsJobName() {
        Job job = queue.enqueue(IAmAJob.class, 7);

        assertThat(job.fetch().jobName()).isEqualTo("test_job.i_am_a_job");
        assertThat(job.fetch().description()).isEqualTo("test_job.i_am_a_job(7)");
    }

    @Test
    void enqueueMany_severalRequests_queuedInOrder() {
        List<JobRequest> requests = IntStream.range(0, 50).mapToObj(i -> JobRequest.of("counter.visit", i)).toList();

        List<Job> jobs = queue.enqueueMany(requests);

        assertThat(queue.jobIds(0, 100)).containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
        assertThat(jobs.get(49).fetch().payload().args()).containsExactly(49);
    }

    @Test
    void enqueueMany_moreJobsThanOneScriptCallTakes_allQueuedInOrder() {
        List<JobRequest> requests = IntStream.range(0, 2_500).mapToObj(i -> JobRequest.of("counter.visit", i))
                .toList();

        List<Job> jobs = queue.enqueueMany(requests);

        assertThat(queue.jobIds(0, 3_000)).containsExactlyElementsOf(jobs.stream().map(Job::id).toList());
        assertThat(jobs.get(2_499).fetch().payload().args()).containsExactly(2_499);
        assertThat(jobs.get(1_000).fetch().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void enqueueMany_dependentAndFrontJobsAmongOthers_eachPlacedAsItsOwnEnqueueWould() {
        Job parent = queue.enqueue("rqjobs.parent");
        JobRequest child = JobRequest.of("rqjobs.child").withOptions(JobOptions.builder().jobId("child")
                .dependsOn(Dependency.on(parent.id())).build());
        JobRequest urgent = JobRequest.of("rqjobs.urgent").withOptions(JobOptions.builder().jobId("urgent")
                .atFront(true).build());

        List<Job> jobs = queue.enqueueMany(List.of(JobRequest.of("rqjobs.a"), child, urgent, JobRequest.of("rqjobs.b")));

        assertThat(queue.jobIds(0, 10)).containsExactly("urgent", parent.id(), jobs.get(0).id(), jobs.get(3).id());
        assertThat(client.fetchJob("child").status()).isEqualTo(JobStatus.DEFERRED);
        assertThat(client.fetchJob("urgent").status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void enqueueMany_withQueuedTtl_jobHashExpires() {
        JobRequest shortLived = JobRequest.of("rqjobs.noop").withOptions(JobOptions.builder().jobId("brief")
                .ttl(java.time.Duration.ofSeconds(100)).build());

        queue.enqueueMany(List.of(shortLived, JobRequest.of("rqjobs.noop")));

        assertThat(redis.raw().getKeys().remainTimeToLive("rq:job:brief")).isBetween(90_000L, 100_000L);
        assertThat(queue.count()).isEqualTo(2);
    }

    @Test
    void enqueueMany_emptyList_writesNothing() {
        assertThat(queue.enqueueMany(List.of())).isEmpty();
        assertThat(redis.raw().getKeys().count()).isZero();
    }

    @Test
    void enqueue_argumentWithoutJsonForm_refusedAndNothingStored() {
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("rqjobs.echo", new Object()).withOptions(
                JobOptions.builder().jobId("not-json").build()))).isInstanceOf(SerializationException.class);

        assertThat(queue.isEmpty()).isTrue();
        assertThat(client.findJob("not-json")).isEmpty();
    }

    @Test
    void enqueue_afterRedisForgotTheScripts_stillEnqueues() {
        queue.enqueue("rqjobs.noop");
        redis.raw().getScript().scriptFlush();

        queue.enqueue("rqjobs.noop");
        redis.raw().getScript().scriptFlush();
        queue.enqueueMany(List.of(JobRequest.of("rqjobs.noop"), JobRequest.of("rqjobs.noop")));

        assertThat(queue.count()).isEqualTo(4);
    }

    @Test
    void countAndIsEmpty_twoJobsEnqueued_followTheQueue() {
        assertThat(queue.isEmpty()).isTrue();
        queue.enqueue("rqjobs.noop");
        queue.enqueue("rqjobs.noop");

        assertThat(queue.count()).isEqualTo(2);
        assertThat(queue.isEmpty()).isFalse();
        assertThat(client.queue("other").count()).isZero();
    }

    @Test
    void jobIds_pages_nextToRunFirst() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> queue.enqueue("rqjobs.noop").id()).toList();

        assertThat(queue.jobIds(0, 2)).containsExactly(ids.get(0), ids.get(1));
        assertThat(queue.jobIds(2, 2)).containsExactly(ids.get(2), ids.get(3));
        assertThat(queue.jobIds(4, 2)).containsExactly(ids.get(4));
        assertThat(queue.jobIds(9, 2)).isEmpty();
        assertThat(queue.jobIds(0, 0)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> queue.jobIds(-1, 2));
    }

    @Test
    void empty_queuedJobs_removedWithTheirHashes() {
        Job first = queue.enqueue("rqjobs.noop");
        Job second = queue.enqueue("rqjobs.noop");
        Job elsewhere = client.queue("low").enqueue("rqjobs.noop");

        assertThat(queue.empty()).isEqualTo(2);

        assertThat(queue.isEmpty()).isTrue();
        assertThat(client.findJob(first.id())).isEmpty();
        assertThat(client.findJob(second.id())).isEmpty();
        assertThat(client.findJob(elsewhere.id())).isPresent();
    }

    @Test
    void deleteJob_queuedJob_goneFromQueueAndRedis() {
        Job job = queue.enqueue("rqjobs.noop");
        Job other = queue.enqueue("rqjobs.noop");

        assertThat(queue.deleteJob(job.id())).isTrue();

        assertThat(queue.jobIds(0, 10)).containsExactly(other.id());
        assertThat(client.findJob(job.id())).isEmpty();
    }

    @Test
    void deleteJob_finishedJob_goneFromRegistryAndResults() {
        Job job = queue.enqueue("rqjobs.noop");
        new TestWorker(client, "default").succeed(1);

        assertThat(queue.deleteJob(job.id())).isTrue();

        assertThat(queue.registry(RegistryType.FINISHED).contains(job.id())).isFalse();
        assertThat(job.results()).isEmpty();
        assertThat(redis.raw().getKeys().countExists("rq:job:" + job.id(), "rq:results:" + job.id())).isZero();
    }

    @Test
    void deleteJob_unknownId_false() {
        assertThat(queue.deleteJob("no-such-job")).isFalse();
    }

    @Test
    void cancel_queuedJob_leavesQueueListedAsCanceled() {
        Job job = queue.enqueue("rqjobs.noop");

        queue.cancel(job.id());

        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.registry(RegistryType.CANCELED).jobIds(0, 10)).containsExactly(job.id());
    }

    @Test
    void cancel_startedOrFinishedJob_refusedAndLeftAsItWas() {
        Job started = queue.enqueue("rqjobs.noop");
        Job finished = queue.enqueue("rqjobs.noop");
        TestWorker worker = new TestWorker(client, "default");
        worker.take();
        worker.succeed(null);

        assertThatIllegalStateException().isThrownBy(() -> queue.cancel(started.id()))
                .withMessageContaining("is started").withMessageContaining("only a queued, deferred or scheduled");
        assertThatIllegalStateException().isThrownBy(() -> queue.cancel(finished.id()))
                .withMessageContaining("is finished");
        assertThat(started.status()).isEqualTo(JobStatus.STARTED);
        assertThat(finished.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(queue.registry(RegistryType.CANCELED).count()).isZero();
    }

    @Test
    void cancel_unknownId_noSuchJob() {
        assertThatThrownBy(() -> queue.cancel("no-such-job")).isInstanceOf(NoSuchJobException.class)
                .hasMessageContaining("'no-such-job'");
    }

    @Test
    void requeue_failedJob_backAtTheEndOfItsQueue() {
        Job failed = queue.enqueue("rqjobs.fail");
        new TestWorker(client, "default").fail("boom");
        Job waiting = queue.enqueue("rqjobs.noop");

        queue.requeue(failed.id());

        assertThat(failed.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queue.jobIds(0, 10)).containsExactly(waiting.id(), failed.id());
        assertThat(queue.registry(RegistryType.FAILED).contains(failed.id())).isFalse();
        assertThat(redis.ttlSeconds("rq:job:" + failed.id())).isEqualTo(-1);
        assertThat(failed.fetch().endedAt()).isNull();
    }

    @Test
    void requeue_jobThatDidNotFail_refusedSayingItsStatus() {
        Job queued = queue.enqueue("rqjobs.noop");

        assertThatIllegalStateException().isThrownBy(() -> queue.requeue(queued.id()))
                .withMessageContaining("is queued").withMessageContaining("only a failed job");
        assertThat(queue.jobIds(0, 10)).containsExactly(queued.id());
    }

    @Test
    void requeue_unknownId_noSuchJob() {
        assertThatThrownBy(() -> queue.requeue("no-such-job")).isInstanceOf(NoSuchJobException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a:b"})
    void queue_invalidName_refusedWithTheRule(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> client.queue(name))
                .withMessageContaining("'" + name + "'").withMessageContaining("without spaces or ':'");
    }

    @Test
    void queue_nullName_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.queue(null));
    }

    @JobName("test_job.i_am_a_job")
    static final class IAmAJob implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return job.arg(0, Object.class);
        }
    }

    @Test
    void emptyFront_removesAtMostTheLimitFromTheFront_andDeletesTheirHashes() {
        List<Job> jobs = IntStream.range(0, 5).mapToObj(i -> queue.enqueue("test_job.i_am_a_job", i)).toList();

        assertThat(queue.emptyFront(2)).isEqualTo(2);

        assertThat(queue.jobIds(0, 10)).containsExactly(jobs.get(2).id(), jobs.get(3).id(), jobs.get(4).id());
        assertThat(client.findJob(jobs.get(0).id())).isEmpty();
        assertThat(client.findJob(jobs.get(2).id())).isPresent();
        assertThat(queue.emptyFront(10)).isEqualTo(3);
        assertThat(queue.emptyFront(10)).isZero();
        assertThat(queue.count()).isZero();
    }

    @Test
    void emptyFront_limitBelowOne_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> queue.emptyFront(0)).withMessageContaining("at least 1");
    }

    @Test
    void emptyInSteps_removesWhatWaitedInStepsOfTheGivenSize() {
        IntStream.range(0, 5).forEach(i -> queue.enqueue("test_job.i_am_a_job", i));
        List<Long> steps = new java.util.ArrayList<>();

        assertThat(queue.emptyInSteps(2, steps::add)).isEqualTo(5);

        assertThat(steps).containsExactly(2L, 2L, 1L);
        assertThat(queue.count()).isZero();
    }
}
