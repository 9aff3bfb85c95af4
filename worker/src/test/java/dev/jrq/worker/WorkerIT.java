package dev.jrq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.Job;
import dev.jrq.core.JobHandlers;
import dev.jrq.core.JobQueue;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import dev.jrq.core.RegistryType;
import dev.jrq.core.WorkerInfo;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class WorkerIT {
    private static final JobHandlers HANDLERS = JobHandlers.of(List.of(new TestJobs.Echo(), new TestJobs.Boom(),
            new TestJobs.Unstorable(), new TestJobs.Blocking(), new TestJobs.Huge()));

    @Test
    void burst_runsEveryJobThenExits(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jobs.add(client.queue("default").enqueue(JobRequest.of("tests.echo", i).withKwargs(Map.of("k", "v"))));
        }
        runBurst(client, 4, "default");
        for (int i = 0; i < jobs.size(); i++) {
            assertThat(jobs.get(i).status()).isEqualTo(JobStatus.FINISHED);
            assertThat(jobs.get(i).waitForResult(Duration.ofSeconds(1)))
                    .isEqualTo(Map.of("args", List.of(i), "kwargs", Map.of("k", "v"), "queue", "default"));
        }
        assertThat(client.queue("default").registry(RegistryType.FINISHED).count()).isEqualTo(20);
        assertThat(client.queue("default").registry(RegistryType.STARTED).count()).isZero();
    }

    @Test
    void failingJob_isFailedWithItsStackTrace_andTheWorkerGoesOn(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job failing = client.queue("default").enqueue("tests.boom", "kaput");
        Job after = client.queue("default").enqueue("tests.echo", 1);
        runBurst(client, 1, "default");
        assertThat(failing.status()).isEqualTo(JobStatus.FAILED);
        JobResult result = failing.latestResult().orElseThrow();
        assertThat(result.type()).isEqualTo(JobResult.Type.FAILED);
        assertThat(result.error()).startsWith("java.lang.IllegalStateException: boom: kaput")
                .contains("at dev.jrq.worker.TestJobs$Boom.perform");
        assertThat(client.queue("default").registry(RegistryType.FAILED).contains(failing.id())).isTrue();
        assertThat(after.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void burst_rqCountersOfTheSlot_addedByTheHeartbeatByTheTimeItStops(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        for (int i = 0; i < 5; i++) {
            client.queue("default").enqueue("tests.echo", i);
        }
        client.queue("default").enqueue("tests.boom", "one");
        client.queue("default").enqueue("tests.boom", "two");

        runBurst(client, 1, "default");

        Map<String, String> slot = redis.hash("rq:worker:burst-w");
        assertThat(slot).containsEntry("successful_job_count", "5").containsEntry("failed_job_count", "2")
                .containsEntry("state", "idle").doesNotContainKey("current_job");
        assertThat(Double.parseDouble(slot.get("total_working_time"))).isPositive();
    }

    @Test
    void unknownJobName_failsWithTheKnownNames(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("nope.missing");
        runBurst(client, 1, "default");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.latestResult().orElseThrow().error()).contains("no handler registered for 'nope.missing'; "
                + "known: [tests.blocking, tests.boom, tests.echo, tests.huge, tests.unstorable]");
    }

    @Test
    void undecodablePayload_failsWithTheReason_andIsNotLost(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job good = client.queue("default").enqueue("tests.echo", 1);
        byte[] pickle = zlib(new byte[] {(byte) 0x80, 5, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x28, 0x75, 0x2e});
        redis.raw().getMap("rq:job:pickled", new org.redisson.codec.CompositeCodec(
                org.redisson.client.codec.StringCodec.INSTANCE, org.redisson.client.codec.ByteArrayCodec.INSTANCE))
                .putAll(Map.of("data", pickle, "status", "queued".getBytes(), "origin", "default".getBytes(),
                        "description", "rqjobs.add(40, 2)".getBytes()));
        redis.raw().getList("rq:queue:default", org.redisson.client.codec.StringCodec.INSTANCE).add(0, "pickled");
        runBurst(client, 1, "default");
        Job pickled = client.job("pickled");
        assertThat(pickled.status()).isEqualTo(JobStatus.FAILED);
        assertThat(pickled.latestResult().orElseThrow().error()).contains("cannot run job pickled")
                .contains("looks like a Python pickle");
        assertThat(redis.hashBytes("rq:job:pickled", "data")).isEqualTo(pickle);
        assertThat(good.status()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void unstorableResult_failsTheJobSayingWhy(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.unstorable");
        runBurst(client, 1, "default");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.latestResult().orElseThrow().error())
                .startsWith("the job returned a value that the serializer cannot store");
    }

    @Test
    void oversizedResult_failsTheJobSayingWhy(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("tests.huge", 13_000_000);
        runBurst(client, 1, "default");
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.latestResult().orElseThrow().error()).startsWith("the job returned a value that the "
                + "serializer cannot store: the result is").contains("over the limit of 16 MiB");
    }

    @Test
    void jobHashWithoutData_failsWithTheReason(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        redis.raw().getMap("rq:job:broken", org.redisson.client.codec.StringCodec.INSTANCE)
                .putAll(Map.of("status", "queued", "origin", "default"));
        redis.raw().getList("rq:queue:default", org.redisson.client.codec.StringCodec.INSTANCE).add("broken");
        runBurst(client, 1, "default");
        assertThat(client.job("broken").status()).isEqualTo(JobStatus.FAILED);
        assertThat(client.job("broken").latestResult().orElseThrow().error())
                .isEqualTo("cannot run job broken: the job has no data field");
    }

    @Test
    void queues_areTakenInPriorityOrder(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Job low = client.queue("low").enqueue("tests.echo", "low");
        Job high = client.queue("high").enqueue("tests.echo", "high");
        runBurst(client, 1, "high", "low");
        assertThat(high.fetch().endedAt()).isBeforeOrEqualTo(low.fetch().startedAt());
    }

    @Test
    void idleWorker_picksUpAJobEnqueuedLater_andShowsInRqWorkers(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("idle-w", List.of("default"), 2, false, null));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.workers().stream()
                    .filter(w -> w.name().startsWith("idle-w.")).allMatch(w -> "idle".equals(w.state()))
                    && client.workers().size() == 2);
            WorkerInfo info = client.workers().get(0);
            assertThat(info.queues()).containsExactly("default");
            assertThat(info.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(redis.raw().getSet("rq:workers:default", org.redisson.client.codec.StringCodec.INSTANCE)
                    .readAll()).containsExactlyInAnyOrder("rq:worker:idle-w.1", "rq:worker:idle-w.2");
            Job job = client.queue("default").enqueue("tests.echo", "late");
            assertThat(job.waitForResult(Duration.ofSeconds(5))).isNotNull();
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        assertThat(client.workers()).isEmpty();
        assertThat(redis.hash("rq:worker:idle-w.1")).containsKey("death");
        assertThat(redis.ttlSeconds("rq:worker:idle-w.1")).isBetween(1L, 60L);
    }

    @Test
    void idleWorker_jobsArrivingOneAtATime_eachShownFinishedAtOnceAndCountedByTheTimeItStops(TestRedis redis)
            throws Exception {
        JrqClient client = redis.newClient();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("one-by-one", List.of("default"), 1, false,
                null), meters);
        worker.start();
        try {
            for (int i = 0; i < 3; i++) {
                Job job = client.queue("default").enqueue("tests.echo", i);
                assertThat(job.waitForResult(Duration.ofSeconds(5))).isNotNull();
                // why: the slot writes each finish in front of its next wait, which is blocked in Redis now
                await().atMost(Duration.ofSeconds(2)).until(() -> redis.blockedClients() > 0);
                assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
                assertThat(redis.hash("rq:worker:one-by-one")).containsEntry("state", "idle")
                        .doesNotContainKey("current_job");
            }
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
        assertThat(client.queue("default").registry(RegistryType.FINISHED).count()).isEqualTo(3);
        assertThat(redis.hash("rq:worker:one-by-one")).containsEntry("successful_job_count", "3");
        assertThat(meters.get(WorkerMetrics.COMPLETED).tags("job", "tests.echo", "outcome", "finished").counter()
                .count()).isEqualTo(3);
    }

    @Test
    void stop_waitsForTheRunningJob_andRecordsIt(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        TestJobs.started = new CountDownLatch(1);
        TestJobs.release = new CountDownLatch(1);
        Job job = client.queue("default").enqueue("tests.blocking");
        Job waiting = client.queue("default").enqueue("tests.echo", 2);
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("warm", List.of("default"), 1, false, null));
        worker.start();
        assertThat(TestJobs.started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.workers()).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo("busy");
            assertThat(w.currentJob()).isEqualTo(job.id());
        });
        Thread stopper = new Thread(() -> worker.stop(Duration.ofSeconds(20)));
        stopper.start();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                redis.hash("rq:worker:warm").containsKey("shutdown_requested_date"));
        assertThat(job.status()).as("the running job is not interrupted").isEqualTo(JobStatus.STARTED);
        TestJobs.release.countDown();
        stopper.join(20_000);
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(waiting.status()).as("a job not yet taken stays queued").isEqualTo(JobStatus.QUEUED);
        assertThat(client.queue("default").jobIds(0, 10)).containsExactly(waiting.id());
    }

    @Test
    void heartbeat_renewsTheLeaseOfARunningJob(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        TestJobs.started = new CountDownLatch(1);
        TestJobs.release = new CountDownLatch(1);
        Job job = client.queue("default").enqueue("tests.blocking");
        Worker worker = new Worker(client, HANDLERS,
                new WorkerOptions("beat", List.of("default"), 1, false, Duration.ofSeconds(3)));
        worker.start();
        try {
            assertThat(TestJobs.started.await(10, TimeUnit.SECONDS)).isTrue();
            JobQueue queue = client.queue("default");
            String firstBeat = redis.hash("rq:job:" + job.id()).get("last_heartbeat");
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    !firstBeat.equals(redis.hash("rq:job:" + job.id()).get("last_heartbeat")));
            double deadline = queue.registry(RegistryType.STARTED).score(job.id());
            assertThat(deadline).isGreaterThanOrEqualTo(Math.floor(System.currentTimeMillis() / 1000.0) + 1);
        } finally {
            TestJobs.release.countDown();
            worker.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void suspendedWorkers_takeNoJob_untilResumed(TestRedis redis) throws Exception {
        JrqClient client = redis.newClient();
        redis.raw().getBucket("rq:suspended", org.redisson.client.codec.StringCodec.INSTANCE).set("1");
        Job job = client.queue("default").enqueue("tests.echo", 1);
        Worker worker = new Worker(client, HANDLERS, new WorkerOptions("sus", List.of("default"), 1, false, null));
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> "suspended".equals(redis.hash("rq:worker:sus").get("state")));
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            redis.raw().getBucket("rq:suspended").delete();
            assertThat(job.waitForResult(Duration.ofSeconds(5))).isNotNull();
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    private static void runBurst(JrqClient client, int concurrency, String... queues) throws InterruptedException {
        Worker worker = new Worker(client, HANDLERS,
                new WorkerOptions("burst-w", List.of(queues), concurrency, true, null));
        worker.start();
        worker.awaitSlots();
        worker.stop(Duration.ofSeconds(5));
    }

    private static byte[] zlib(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] out = new byte[256];
        int size = deflater.deflate(out);
        deflater.end();
        return java.util.Arrays.copyOf(out, size);
    }
}
