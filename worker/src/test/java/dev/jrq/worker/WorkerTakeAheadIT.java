package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A slot running short jobs takes several per call and writes their successes with its next take: what a user
 * sees of that stays what one-at-a-time would show, whatever comes after the short jobs.
 */
@ExtendWith(RedisServerExtension.class)
class WorkerTakeAheadIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Blocking()));

    @Test
    void longJobAfterShortOnes_theShortOnesShowFinishedWhileItRuns_andJobsTakenAheadGoBackInOrderOnStop(
            TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        JobQueue queue = client.queue("default");
        TestJobs.started = new CountDownLatch(1);
        TestJobs.release = new CountDownLatch(1);
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("ahead", List.of("default"), 1, false, null));
        worker.start();
        List<Job> warmUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            warmUp.add(queue.enqueue("tests.echo", i)); // why: the slot learns that its jobs are short
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> warmUp.stream().allMatch(job ->
                job.status() == JobStatus.FINISHED));
        List<JobRequest> requests = new ArrayList<>(List.of(JobRequest.of("tests.echo", "a"),
                JobRequest.of("tests.echo", "b"), JobRequest.of("tests.blocking")));
        for (int i = 0; i < 40; i++) {
            requests.add(JobRequest.of("tests.echo", i));
        }

        // why: one push; the idle slot's wait returns "a", and the call recording "a" takes "b", the blocking job
        // and jobs after it, ahead
        List<Job> jobs = queue.enqueueMany(requests);
        assertThat(TestJobs.started.await(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(jobs.get(0).status()).isEqualTo(JobStatus.FINISHED);
            assertThat(jobs.get(1).status()).as("ran before the long job; written by the sweeper")
                    .isEqualTo(JobStatus.FINISHED);
        });
        assertThat(jobs.get(1).latestResult().orElseThrow().returnValue()).isNotNull();
        assertThat(jobs.get(2).status()).isEqualTo(JobStatus.STARTED);
        long heldAhead = queue.registry(RegistryType.STARTED).count() - 1;
        assertThat(heldAhead).as("jobs taken ahead of the long one").isPositive();

        worker.requestStop();
        TestJobs.release.countDown();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));

        assertThat(jobs.get(2).status()).isEqualTo(JobStatus.FINISHED);
        List<String> after = jobs.subList(3, jobs.size()).stream().map(Job::id).toList();
        assertThat(queue.jobIds(0, 100)).as("every job after the long one is queued again, in order")
                .isEqualTo(after);
        assertThat(jobs.subList(3, jobs.size())).allSatisfy(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(redis.hash("rq:job:" + job.id())).containsEntry("worker_name", "")
                    .containsEntry("started_at", "");
        });
        assertThat(queue.registry(RegistryType.STARTED).count()).isZero();
    }

    @Test
    void manyShortJobs_severalSlots_eachRunOnceAndRecordedWithItsResult(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            requests.add(JobRequest.of("tests.echo", i));
        }
        List<Job> jobs = client.queue("default").enqueueMany(requests);
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("many", List.of("default"), 4, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));

        assertThat(client.queue("default").registry(RegistryType.FINISHED).count()).isEqualTo(3000);
        assertThat(client.queue("default").registry(RegistryType.STARTED).count()).isZero();
        for (int i = 0; i < jobs.size(); i += 97) {
            assertThat(jobs.get(i).status()).isEqualTo(JobStatus.FINISHED);
            assertThat(jobs.get(i).latestResult().orElseThrow().returnValue())
                    .isEqualTo(java.util.Map.of("args", List.of(i), "kwargs", java.util.Map.of(), "queue", "default"));
        }
        assertThat(redis.hash("jrq:stats")).containsEntry("finished", "3000");
        int successful = 0;
        for (int slot = 1; slot <= 4; slot++) {
            successful += Integer.parseInt(redis.hash("rq:worker:many." + slot).getOrDefault("successful_job_count",
                    "0"));
        }
        assertThat(successful).as("the slots' RQ counters add up").isEqualTo(3000);
    }
}
