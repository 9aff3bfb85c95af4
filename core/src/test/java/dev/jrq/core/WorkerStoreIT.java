package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RDeque;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.api.queue.DequeMoveArgs;
import org.redisson.client.codec.StringCodec;

/** Taking, finishing and leasing jobs as a worker slot does. */
@ExtendWith(RedisServerExtension.class)
class WorkerStoreIT {
    private static final Instant START = Instant.parse("2026-11-28T07:51:35Z");
    private static final String WORKER = "w1";
    private static final List<String> HIGH_THEN_LOW = List.of("high", "low");

    private final MutableClock clock = MutableClock.at(START);
    private TestRedis redis;
    private JrqClient client;
    private WorkerStore store;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient(clock);
        this.store = client.workerStore();
    }

    @Test
    void take_jobsOnSeveralQueues_highestPriorityQueueFirst() throws Exception {
        Job low = client.queue("low").enqueue("rqjobs.noop");
        Job high = client.queue("high").enqueue("rqjobs.noop");

        ClaimedJob first = take(Duration.ZERO);
        ClaimedJob second = take(Duration.ZERO);

        assertThat(first.jobId()).isEqualTo(high.id());
        assertThat(first.queue()).isEqualTo("high");
        assertThat(second.jobId()).isEqualTo(low.id());
        assertThat(second.queue()).isEqualTo("low");
    }

    @Test
    void take_queuedJob_markedStartedAndLeased() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        Job job = client.queue("low").enqueue(JobRequest.of("rqjobs.add", 2, 3)
                .withOptions(JobOptions.builder().ttl(Duration.ofHours(1)).build()));

        ClaimedJob claimed = take(Duration.ZERO);

        assertThat(claimed.jobName()).isEqualTo("rqjobs.add");
        assertThat(claimed.args()).containsExactly(2, 3);
        assertThat(claimed.record().status()).isEqualTo(JobStatus.STARTED);
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("status", "started")
                .containsEntry("worker_name", WORKER).containsEntry("started_at", "2026-11-28T07:51:35.000000Z");
        assertThat(redis.ttlSeconds("rq:job:" + job.id())).as("PERSIST at start").isEqualTo(-1);
        assertThat(redis.zscore("rq:wip:low", job.id())).isEqualTo(String.valueOf(START.getEpochSecond() + 60));
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "busy")
                .containsEntry("current_job", job.id());
        assertThat(client.queue("low").isEmpty()).isTrue();
    }

    @Test
    void take_emptyQueues_nothingWithoutBlockingAndAfterAShortBlock() throws Exception {
        assertThat(store.take(WORKER, HIGH_THEN_LOW, Duration.ZERO)).isEqualTo(WorkerStore.Take.NOTHING);
        assertThat(store.take(WORKER, HIGH_THEN_LOW, Duration.ofMillis(200)).claimed()).isEmpty();
    }

    @Test
    void take_jobEnqueuedWhileBlocked_returnsItAtOnce() {
        int blockedBefore = redis.blockedClients();
        CompletableFuture<WorkerStore.Take> taking = CompletableFuture.supplyAsync(() -> {
            try {
                return store.take(WORKER, HIGH_THEN_LOW, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.blockedClients() > blockedBefore);

        Job job = client.queue("low").enqueue("rqjobs.noop");

        await().atMost(Duration.ofSeconds(2)).until(taking::isDone);
        ClaimedJob claimed = taking.join().claimed().orElseThrow();
        assertThat(claimed.jobId()).isEqualTo(job.id());
        assertThat(claimed.queue()).isEqualTo("low");
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(client.queue("low").registry(RegistryType.STARTED).contains(job.id())).isTrue();
    }

    @Test
    void refreshClockOffset_beforeAWait_measuresOnceAndTheWaitReadsNoClock() {
        store.register(WORKER, List.of("low"), Map.of());
        long callsBefore = redis.commandCalls("evalsha");

        store.refreshClockOffset(List.of("low"), Duration.ofSeconds(1));
        store.refreshClockOffset(List.of("low"), Duration.ofSeconds(1));

        assertThat(redis.commandCalls("evalsha") - callsBefore).as("three reads of Redis's clock, once").isEqualTo(3);
        int blockedBefore = redis.blockedClients();
        long waitCallsBefore = redis.commandCalls("evalsha");
        CompletableFuture<WorkerStore.Take> taking = takeAsync(List.of("low"), Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.blockedClients() > blockedBefore);
        Job job = client.queue("low").enqueue("rqjobs.noop");
        await().atMost(Duration.ofSeconds(2)).until(taking::isDone);
        assertThat(taking.join().claimed().orElseThrow().jobId()).isEqualTo(job.id());
        assertThat(redis.commandCalls("evalsha") - waitCallsBefore).as("the enqueue and the start").isEqualTo(2);
    }

    @Test
    void refreshClockOffset_severalQueues_measuresNothing() {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        long callsBefore = redis.commandCalls("evalsha");

        store.refreshClockOffset(HIGH_THEN_LOW, Duration.ofSeconds(1));

        assertThat(redis.commandCalls("evalsha") - callsBefore).as("a BLPOP wait stamps with the client's clock")
                .isZero();
    }

    @Test
    void refreshClockOffset_waitsUnderASecondOrNone_measuresNothing() {
        store.register(WORKER, List.of("low"), Map.of());
        long callsBefore = redis.commandCalls("evalsha");

        store.refreshClockOffset(List.of("low"), Duration.ofMillis(500));
        store.refreshClockOffset(List.of("low"), Duration.ZERO);

        assertThat(redis.commandCalls("evalsha") - callsBefore)
                .as("a wait under a second goes through BLPOP, a burst slot does not wait").isZero();
    }

    @Test
    void take_oneQueue_jobPushedWhileWaitingIsStartedByTheWaitsOwnCall() {
        store.register(WORKER, List.of("low"), Map.of());
        int blockedBefore = redis.blockedClients();
        long movesBefore = redis.commandCalls("blmove");
        long callsBefore = redis.commandCalls("blpop") + redis.commandCalls("evalsha");
        CompletableFuture<WorkerStore.Take> taking = takeAsync(List.of("low"), Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.blockedClients() > blockedBefore);

        Job job = client.queue("low").enqueue("rqjobs.noop");

        await().atMost(Duration.ofSeconds(2)).until(taking::isDone);
        ClaimedJob claimed = taking.join().claimed().orElseThrow();
        assertThat(claimed.jobId()).isEqualTo(job.id());
        // why: one pipeline: BLMOVE and the start, no BLPOP then a second call (the enqueue: 1 script; the store's
        // first wait reads Redis's clock 3 times first, ClockOffset)
        assertThat(redis.commandCalls("blmove") - movesBefore).isEqualTo(1);
        assertThat(redis.commandCalls("blpop") + redis.commandCalls("evalsha") - callsBefore).isEqualTo(2 + 3);
        Map<String, String> hash = redis.hash("rq:job:" + job.id());
        assertThat(hash).containsEntry("status", "started").containsEntry("worker_name", WORKER)
                .containsEntry("started_at", RqTime.format(claimed.record().startedAt()))
                .containsEntry("last_heartbeat", hash.get("started_at"));
        // why: the client's clock stands still at START; the start is stamped START plus how long the slot waited
        Instant started = RqTime.parse(hash.get("started_at"));
        assertThat(started).isBetween(START, START.plusSeconds(5));
        assertThat(redis.zscore("rq:wip:low", job.id())).isEqualTo(String.valueOf(started.getEpochSecond() + 60));
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "busy")
                .containsEntry("current_job", job.id());
        assertThat(redis.raw().getKeys().countExists("jrq:handoff:low")).isZero();
    }

    @Test
    void take_oneQueue_nothingComesWithinTheWait_nothingAndNoKeyLeft() throws Exception {
        assertThat(store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true))
                .isEqualTo(WorkerStore.Take.NOTHING);
        assertThat(redis.raw().getKeys().countExists("jrq:handoff:low")).isZero();
    }

    @Test
    void take_oneQueue_suspendedWhileWaiting_jobStaysQueuedAtTheFront() {
        int blockedBefore = redis.blockedClients();
        CompletableFuture<WorkerStore.Take> taking = takeAsync(List.of("low"), Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.blockedClients() > blockedBefore);
        redis.raw().getBucket("rq:suspended", StringCodec.INSTANCE).set("1");

        Job job = client.queue("low").enqueue("rqjobs.noop");

        await().atMost(Duration.ofSeconds(2)).until(taking::isDone);
        assertThat(taking.join()).isEqualTo(WorkerStore.Take.SUSPENDED);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(client.queue("low").jobIds(0, 10)).containsExactly(job.id());
    }

    @Test
    void take_oneQueue_redisForgotTheScripts_theMovedJobIsStartedAnyway() throws Exception {
        assertThat(store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true)).isEqualTo(WorkerStore.Take.NOTHING);
        redis.raw().getScript().scriptFlush(); // why: as a Redis restart does; the client still holds the SHAs
        Job job = client.queue("low").enqueue("rqjobs.noop");

        ClaimedJob claimed = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true).claimed().orElseThrow();

        assertThat(claimed.jobId()).isEqualTo(job.id());
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(client.queue("low").registry(RegistryType.STARTED).contains(job.id())).isTrue();
        assertThat(redis.raw().getKeys().countExists("jrq:handoff:low")).isZero();
    }

    @Test
    void take_oneQueue_saysWhetherTheJobWasTheLastQueued() throws Exception {
        Job first = client.queue("low").enqueue("rqjobs.noop");
        Job second = client.queue("low").enqueue("rqjobs.noop");

        WorkerStore.Take withOneBehind = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true);
        WorkerStore.Take last = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true);

        assertThat(withOneBehind.job().jobId()).isEqualTo(first.id());
        assertThat(withOneBehind.queueLeftEmpty()).isFalse();
        assertThat(last.job().jobId()).isEqualTo(second.id());
        assertThat(last.queueLeftEmpty()).isTrue();
    }

    @Test
    void finishThenWait_successShownAtOnce_nextJobStartedByTheSameCall() throws Exception {
        store.register(WORKER, List.of("low"), Map.of());
        Job done = client.queue("low").enqueue("rqjobs.noop");
        ClaimedJob claimed = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true).job();
        int blockedBefore = redis.blockedClients();
        long movesBefore = redis.commandCalls("blmove");
        long scriptsBefore = redis.commandCalls("evalsha");

        CompletableFuture<WorkerStore.FinishedThenTaken> waiting = finishThenWaitAsync(claimed, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.blockedClients() > blockedBefore);
        // why: the finish ran before the wait; a user sees the job finished while the slot still waits
        assertThat(done.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(done.latestResult().orElseThrow().returnValue()).isEqualTo(42);
        assertThat(client.queue("low").registry(RegistryType.FINISHED).contains(done.id())).isTrue();
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "idle").doesNotContainKey("current_job");
        Job next = client.queue("low").enqueue("rqjobs.noop");

        WorkerStore.FinishedThenTaken result = waiting.get(3, TimeUnit.SECONDS);
        assertThat(result.recorded()).containsExactly(true);
        assertThat(result.finishError()).isNull();
        assertThat(result.take().job().jobId()).isEqualTo(next.id());
        assertThat(result.take().queueLeftEmpty()).isTrue();
        assertThat(next.status()).isEqualTo(JobStatus.STARTED);
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "busy")
                .containsEntry("current_job", next.id());
        // why: one pipeline: the finish, BLMOVE and the start (and the enqueue's one script)
        assertThat(redis.commandCalls("blmove") - movesBefore).isEqualTo(1);
        assertThat(redis.commandCalls("evalsha") - scriptsBefore).isEqualTo(3);
        assertThat(redis.raw().getKeys().countExists("jrq:handoff:low")).isZero();
    }

    @Test
    void finishThenWait_leaseReaped_successFencedOffAndTheWaitGoesOn() throws Exception {
        Job job = client.queue("low").enqueue("rqjobs.noop");
        ClaimedJob claimed = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true).job();
        redis.raw().getScoredSortedSet("rq:wip:low", StringCodec.INSTANCE).remove(job.id());

        WorkerStore.FinishedThenTaken result = store.finishThenWait(WORKER,
                List.of(new WorkerStore.Success(claimed, store.encodeResult(42))), "low", Duration.ofSeconds(1));

        assertThat(result.recorded()).containsExactly(false);
        assertThat(result.take()).isEqualTo(WorkerStore.Take.NOTHING);
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(redis.raw().getKeys().countExists("rq:results:" + job.id(), "rq:finished:low")).isZero();
    }

    @Test
    void finishThenWait_redisForgotTheScripts_successWrittenAndTheQueuedJobStarted() throws Exception {
        Job done = client.queue("low").enqueue("rqjobs.noop");
        ClaimedJob claimed = store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true).job();
        Job next = client.queue("low").enqueue("rqjobs.noop");
        redis.raw().getScript().scriptFlush(); // why: as a Redis restart does; the client still holds the SHAs

        WorkerStore.FinishedThenTaken result = store.finishThenWait(WORKER,
                List.of(new WorkerStore.Success(claimed, store.encodeResult(42))), "low", Duration.ofSeconds(1));

        assertThat(result.recorded()).containsExactly(true);
        assertThat(done.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(result.take().job().jobId()).isEqualTo(next.id());
        assertThat(next.status()).isEqualTo(JobStatus.STARTED);
        assertThat(redis.raw().getKeys().countExists("jrq:handoff:low")).isZero();
    }

    @Test
    void returnHandedOff_idsLeftBetweenAWaitAndItsStart_goBackToTheFrontInOrder() throws Exception {
        Job first = client.queue("low").enqueue("rqjobs.noop");
        Job second = client.queue("low").enqueue("rqjobs.noop");
        Job third = client.queue("low").enqueue("rqjobs.noop");
        RDeque<String> queue = redis.raw().getDeque("rq:queue:low", StringCodec.INSTANCE);
        queue.move(DequeMoveArgs.pollFirst().addLastTo("jrq:handoff:low"));
        queue.move(DequeMoveArgs.pollFirst().addLastTo("jrq:handoff:low"));

        assertThat(store.returnHandedOff("low")).isEqualTo(2);

        assertThat(client.queue("low").jobIds(0, 10)).containsExactly(first.id(), second.id(), third.id());
        assertThat(store.returnHandedOff("low")).isZero();
        assertThat(store.take(WORKER, List.of("low"), Duration.ofSeconds(1), true).claimed().orElseThrow().jobId())
                .isEqualTo(first.id());
    }

    @Test
    void take_jobHashDeletedWhileQueued_skipsToTheNextJob() throws Exception {
        Job deleted = client.queue("high").enqueue("rqjobs.noop");
        Job next = client.queue("high").enqueue("rqjobs.noop");
        redis.raw().getKeys().delete("rq:job:" + deleted.id());

        assertThat(take(Duration.ZERO).jobId()).isEqualTo(next.id());
        assertThat(client.queue("high").isEmpty()).isTrue();
        assertThat(client.findJob(deleted.id())).isEmpty();
    }

    @Test
    void take_workersSuspended_takesNothing() throws Exception {
        Job job = client.queue("high").enqueue("rqjobs.noop");
        redis.raw().getBucket("rq:suspended", StringCodec.INSTANCE).set("1");

        assertThat(store.take(WORKER, HIGH_THEN_LOW, Duration.ZERO)).isEqualTo(WorkerStore.Take.SUSPENDED);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void finish_afterTheLeaseWasReaped_falseAndNothingWrittenToTheJob() throws Exception {
        Job job = client.queue("high").enqueue("rqjobs.noop");
        ClaimedJob claimed = take(Duration.ZERO);
        redis.raw().getScoredSortedSet("rq:wip:high", StringCodec.INSTANCE).remove(job.id());
        Map<String, String> before = redis.hash("rq:job:" + job.id());

        assertThat(store.finishSuccess(WORKER, claimed, 1)).isFalse();
        assertThat(store.finishFailure(WORKER, claimed, "late", Duration.ofMillis(5))).isEqualTo(WorkerStore.FailureOutcome.FENCED);

        assertThat(redis.hash("rq:job:" + job.id())).isEqualTo(before);
        assertThat(redis.raw().getKeys().countExists("rq:results:" + job.id())).isZero();
        assertThat(redis.raw().getKeys().countExists("rq:finished:high", "rq:failed:high")).isZero();
    }

    @Test
    void finish_byAnotherWorker_false() throws Exception {
        Job job = client.queue("high").enqueue("rqjobs.noop");
        ClaimedJob claimed = take(Duration.ZERO);

        assertThat(store.finishSuccess("someone-else", claimed, 1)).isFalse();
        assertThat(job.status()).isEqualTo(JobStatus.STARTED);
        assertThat(store.finishSuccess(WORKER, claimed, 1)).isTrue();
    }

    @Test
    void finish_successAndFailure_workerIdleWithoutCurrentJob() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        client.queue("high").enqueue("rqjobs.noop");
        client.queue("high").enqueue("rqjobs.fail");
        store.finishSuccess(WORKER, take(Duration.ZERO), null);
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "idle").doesNotContainKey("current_job");
        store.finishFailure(WORKER, take(Duration.ZERO), "boom", Duration.ofMillis(500));

        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "idle").doesNotContainKey("current_job")
                .as("counters come with the heartbeat").doesNotContainKey("successful_job_count");
    }

    @Test
    void finishMany_severalSuccessesAndTakes_eachRecordedAndTheNextJobsStartedInQueueOrder() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        Job first = client.queue("high").enqueue("rqjobs.noop");
        Job second = client.queue("low").enqueue("rqjobs.noop");
        Job third = client.queue("low").enqueue("rqjobs.noop");
        Job fourth = client.queue("high").enqueue("rqjobs.noop");
        Job fifth = client.queue("low").enqueue("rqjobs.noop");
        WorkerStore.Batch taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 3, false);
        assertThat(taken.taken()).extracting(ClaimedJob::jobId).containsExactly(first.id(), fourth.id(), second.id());
        assertThat(taken.taken().get(2).queue()).isEqualTo("low");
        assertThat(taken.taken()).allSatisfy(job -> {
            assertThat(job.record().status()).isEqualTo(JobStatus.STARTED);
            assertThat(job.record().fields()).containsEntry("worker_name", WORKER)
                    .containsEntry("started_at", "2026-11-28T07:51:35.000000Z");
        });
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "busy")
                .containsEntry("current_job", first.id());
        clock.advance(Duration.ofMillis(2_250));

        WorkerStore.Batch next = store.finishMany(WORKER, List.of(success(taken.taken().get(0), 7),
                success(taken.taken().get(1), null), success(taken.taken().get(2), "ok")), HIGH_THEN_LOW, 5, false);

        assertThat(next.recorded()).containsExactly(true, true, true);
        assertThat(next.taken()).extracting(ClaimedJob::jobId).containsExactly(third.id(), fifth.id());
        for (Job done : List.of(first, fourth, second)) {
            assertThat(done.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(redis.hash("rq:job:" + done.id())).containsEntry("ended_at", "2026-11-28T07:51:37.250000Z");
            assertThat(redis.ttlSeconds("rq:job:" + done.id())).isEqualTo(500);
        }
        assertThat(first.latestResult().orElseThrow().returnValue()).isEqualTo(7);
        assertThat(second.latestResult().orElseThrow().returnValue()).isEqualTo("ok");
        assertThat(redis.zscore("rq:finished:high", fourth.id())).as("expiry to the millisecond")
                .isEqualTo((START.getEpochSecond() + 502) + ".25");
        assertThat(redis.raw().getScoredSortedSet("rq:wip:high").size()).isZero();
        assertThat(redis.raw().getScoredSortedSet("rq:wip:low").size()).isEqualTo(2);
        assertThat(redis.hash("jrq:stats")).containsEntry("finished", "3").containsEntry("finished:high", "2")
                .containsEntry("finished:low", "1");
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("current_job", third.id());
        assertThat(third.status()).isEqualTo(JobStatus.STARTED);
    }

    @Test
    void finishMany_idsAndHashesOfEverySize_takenWhole() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        java.util.Random random = new java.util.Random(7);
        // why these sizes: MessagePack heads a string under 32, 256 and 65,536 bytes, and over, each its own way
        List<String> ids = List.of("a", "i".repeat(40), "j".repeat(128), "k");
        List<String> args = List.of("", "small", randomText(random, 2_000), randomText(random, 300_000));
        for (int i = 0; i < ids.size(); i++) {
            client.queue("high").enqueue(JobRequest.of("rqjobs.echo", args.get(i))
                    .withOptions(JobOptions.builder().jobId(ids.get(i)).description("echo " + i).build()));
        }

        WorkerStore.Batch taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 4, false);

        assertThat(taken.taken()).extracting(ClaimedJob::jobId).containsExactlyElementsOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            ClaimedJob job = taken.taken().get(i);
            assertThat(job.args()).containsExactly(args.get(i));
            assertThat(job.record().description()).isEqualTo("echo " + i);
            assertThat(job.record().fields()).containsEntry("worker_name", WORKER).containsEntry("origin", "high");
        }
    }

    private static String randomText(java.util.Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    @Test
    void finishMany_successesWithTheSameValue_eachJobItsOwnResultAndNoScratchLeft() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        List<Job> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            jobs.add(client.queue("high").enqueue("rqjobs.noop"));
        }
        WorkerStore.Batch taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 5, false);
        // why: as a retried job's earlier attempt left it; its stream exists, so no copy can replace it
        Job retried = jobs.get(2);
        redis.raw().getStream("rq:results:" + retried.id(), StringCodec.INSTANCE)
                .add(org.redisson.api.stream.StreamAddArgs.entries(Map.of("type", "2", "exc_string", "")));
        List<ClaimedJob> claimed = taken.taken();

        WorkerStore.Batch next = store.finishMany(WORKER, List.of(success(claimed.get(0), null),
                success(claimed.get(1), "same"), success(claimed.get(2), null), success(claimed.get(3), null),
                success(claimed.get(4), "same")), HIGH_THEN_LOW, 0, false);

        assertThat(next.recorded()).containsOnly(true);
        for (int i : new int[] {0, 3}) {
            assertThat(jobs.get(i).results()).singleElement().satisfies(result -> {
                assertThat(result.type()).isEqualTo(JobResult.Type.SUCCESSFUL);
                assertThat(result.returnValue()).isNull();
            });
            assertThat(redis.ttlSeconds("rq:results:" + jobs.get(i).id())).isEqualTo(500);
        }
        for (int i : new int[] {1, 4}) {
            assertThat(jobs.get(i).results()).singleElement().extracting(JobResult::returnValue).isEqualTo("same");
        }
        assertThat(retried.results()).extracting(JobResult::type)
                .containsExactly(JobResult.Type.SUCCESSFUL, JobResult.Type.FAILED);
        assertThat(redis.raw().getKeys().getKeys(KeysScanOptions.defaults().pattern("jrq:scratch*"))).isEmpty();
    }

    @Test
    void finishMany_parentsInOneCall_releaseTheirChild_andACallWithoutDependentsReadsNoDependentsSet()
            throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        Job first = client.queue("high").enqueue("rqjobs.first");
        Job plain = client.queue("high").enqueue("rqjobs.plain");
        Job second = client.queue("high").enqueue("rqjobs.second");
        Job child = client.queue("low").enqueue(JobRequest.of("rqjobs.child").withOptions(JobOptions.builder()
                .jobId("child").dependsOn(Dependency.on(first.id(), second.id())).build()));
        List<ClaimedJob> parents = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 3, false).taken();

        WorkerStore.Batch finished = store.finishMany(WORKER, List.of(success(parents.get(0), 1),
                success(parents.get(1), 2), success(parents.get(2), 3)), HIGH_THEN_LOW, 0, false);

        assertThat(finished.recorded()).containsExactly(true, true, true);
        assertThat(child.status()).as("both parents finished in the same call").isEqualTo(JobStatus.QUEUED);
        assertThat(client.queue("low").jobIds(0, 10)).containsExactly("child");
        assertThat(plain.status()).isEqualTo(JobStatus.FINISHED);

        List<Job> more = List.of(client.queue("high").enqueue("rqjobs.noop"),
                client.queue("high").enqueue("rqjobs.noop"), client.queue("high").enqueue("rqjobs.noop"));
        List<ClaimedJob> taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 3, false).taken();
        long membersReadBefore = redis.commandCalls("smembers");

        WorkerStore.Batch alone = store.finishMany(WORKER, List.of(success(taken.get(0), null),
                success(taken.get(1), null), success(taken.get(2), null)), HIGH_THEN_LOW, 0, false);

        assertThat(alone.recorded()).containsExactly(true, true, true);
        assertThat(more).extracting(Job::status).containsOnly(JobStatus.FINISHED);
        assertThat(redis.commandCalls("smembers") - membersReadBefore)
                .as("one EXISTS found no dependents set for the call's jobs").isZero();
    }

    @Test
    void finishMany_idsWhoseHashIsGone_droppedAndTheNextJobsTakenAndLeased() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        List<Job> high = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            high.add(client.queue("high").enqueue("rqjobs.noop"));
        }
        Job low = client.queue("low").enqueue("rqjobs.noop");
        // why: as when a queued job's hash expires (RQ's ttl) and its id stays in the queue
        redis.raw().getKeys().delete("rq:job:" + high.get(1).id(), "rq:job:" + high.get(3).id());

        WorkerStore.Batch taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 3, false);

        assertThat(taken.taken()).extracting(ClaimedJob::jobId)
                .containsExactly(high.get(0).id(), high.get(2).id(), low.id());
        assertThat(redis.raw().getList("rq:queue:high").size()).as("dropped ids are not put back").isZero();
        assertThat(redis.raw().getScoredSortedSet("rq:wip:high", StringCodec.INSTANCE).readAll())
                .containsExactlyInAnyOrder(high.get(0).id(), high.get(2).id());
        assertThat(redis.zscore("rq:wip:low", low.id())).isEqualTo(String.valueOf(START.getEpochSecond() + 60));
        assertThat(redis.raw().getKeys().countExists("rq:job:" + high.get(1).id())).as("not recreated").isZero();
    }

    @Test
    void finishMany_rotate_takesOneJobFromEachQueueInTurn() throws Exception {
        List<Job> high = new java.util.ArrayList<>();
        List<Job> low = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            high.add(client.queue("high").enqueue("rqjobs.noop"));
            if (i < 1) {
                low.add(client.queue("low").enqueue("rqjobs.noop"));
            }
        }

        List<ClaimedJob> taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 5, false, true).taken();

        assertThat(taken).extracting(ClaimedJob::jobId).containsExactly(high.get(0).id(), low.get(0).id(),
                high.get(1).id(), high.get(2).id());
        assertThat(store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 5, false, true).taken()).isEmpty();
    }

    @Test
    void finishMany_oneSuccessFencedOff_onlyTheOthersRecorded() throws Exception {
        client.queue("high").enqueue("rqjobs.noop");
        Job reaped = client.queue("high").enqueue("rqjobs.noop");
        List<ClaimedJob> taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 2, false).taken();
        redis.raw().getScoredSortedSet("rq:wip:high", StringCodec.INSTANCE).remove(reaped.id());
        Map<String, String> before = redis.hash("rq:job:" + reaped.id());

        WorkerStore.Batch batch = store.finishMany(WORKER, List.of(success(taken.get(0), 1),
                success(taken.get(1), 2)), HIGH_THEN_LOW, 0, false);

        assertThat(batch.recorded()).containsExactly(true, false);
        assertThat(redis.hash("rq:job:" + reaped.id())).isEqualTo(before);
        assertThat(redis.raw().getKeys().countExists("rq:results:" + reaped.id())).isZero();
        assertThat(redis.hash("jrq:stats")).containsEntry("finished", "1");
    }

    @Test
    void finishMany_workersSuspendedOrSlotStillBusy_takesNothingAndKeepsTheSlotAsItIs() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        client.queue("high").enqueue("rqjobs.noop");
        client.queue("high").enqueue("rqjobs.noop");
        ClaimedJob running = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 1, false).taken().get(0);
        redis.raw().getBucket("rq:suspended", StringCodec.INSTANCE).set("1");

        WorkerStore.Batch suspended = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 4, true);
        assertThat(suspended.suspended()).isTrue();
        assertThat(suspended.taken()).isEmpty();
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "busy")
                .containsEntry("current_job", running.jobId());
        assertThat(client.queue("high").count()).isEqualTo(1);

        store.finishMany(WORKER, List.of(success(running, null)), HIGH_THEN_LOW, 0, false);
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("state", "idle").doesNotContainKey("current_job");
    }

    @Test
    void giveBack_jobsTakenAhead_backAtTheFrontInTheirOrderAndQueuedAsBefore() throws Exception {
        Job first = client.queue("high").enqueue("rqjobs.noop");
        Job second = client.queue("high").enqueue("rqjobs.noop");
        Job third = client.queue("high").enqueue("rqjobs.noop");
        Map<String, String> queuedHash = redis.hash("rq:job:" + second.id());
        List<ClaimedJob> taken = store.finishMany(WORKER, List.of(), HIGH_THEN_LOW, 2, false).taken();
        ClaimedJob otherWorkers = store.finishMany("w2", List.of(), HIGH_THEN_LOW, 1, false).taken().get(0);

        assertThat(store.giveBack(WORKER, List.of(taken.get(0), taken.get(1), otherWorkers))).isEqualTo(2);

        assertThat(client.queue("high").jobIds(0, 10)).containsExactly(first.id(), second.id());
        assertThat(redis.hash("rq:job:" + second.id())).isEqualTo(queuedHash);
        assertThat(redis.raw().getScoredSortedSet("rq:wip:high").size()).as("w2's job stays leased").isEqualTo(1);
        assertThat(third.status()).isEqualTo(JobStatus.STARTED);
    }

    @Test
    void heartbeat_slotCounts_addedToEachWorkerHash() {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        store.register("other", HIGH_THEN_LOW, Map.of());

        store.heartbeat(List.of(WORKER, "other"), Map.of(), List.of(new WorkerStore.SlotCounts(3, 1, 0.75),
                WorkerStore.SlotCounts.NONE));
        store.heartbeat(List.of(WORKER, "other"), Map.of(), List.of(new WorkerStore.SlotCounts(2, 0, 0.25),
                new WorkerStore.SlotCounts(0, 4, 1.5)));

        Map<String, String> worker = redis.hash("rq:worker:" + WORKER);
        assertThat(worker).containsEntry("successful_job_count", "5").containsEntry("failed_job_count", "1");
        assertThat(Double.parseDouble(worker.get("total_working_time"))).isEqualTo(1.0);
        assertThat(redis.hash("rq:worker:other")).containsEntry("failed_job_count", "4")
                .doesNotContainKey("successful_job_count");
    }

    @Test
    void heartbeat_runningJob_leaseAndHeartbeatsMovedToNow() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        Job job = client.queue("high").enqueue("rqjobs.slow");
        take(Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));

        store.heartbeat(List.of(WORKER), Map.of(job.id(), "high"));

        assertThat(redis.zscore("rq:wip:high", job.id())).isEqualTo(String.valueOf(START.getEpochSecond() + 90));
        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("last_heartbeat", "2026-11-28T07:52:05.000000Z");
        assertThat(redis.hash("rq:worker:" + WORKER)).containsEntry("last_heartbeat", "2026-11-28T07:52:05.000000Z");
        assertThat(redis.ttlSeconds("rq:worker:" + WORKER)).isBetween(55L, 60L);
    }

    @Test
    void heartbeat_jobNoLongerLeased_notLeasedAgain() throws Exception {
        Job job = client.queue("high").enqueue("rqjobs.slow");
        take(Duration.ZERO);
        redis.raw().getScoredSortedSet("rq:wip:high", StringCodec.INSTANCE).remove(job.id());

        store.heartbeat(List.of(WORKER), Map.of(job.id(), "high"));

        assertThat(redis.zscore("rq:wip:high", job.id())).isNull();
    }

    @Test
    void heartbeat_deletedJob_isNotRecreatedAsAStub() throws Exception {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        Job job = client.queue("high").enqueue("rqjobs.slow");
        take(Duration.ZERO);
        client.queue("high").deleteJob(job.id());

        store.heartbeat(List.of(WORKER), Map.of(job.id(), "high"));

        assertThat(redis.raw().getKeys().countExists("rq:job:" + job.id())).isZero();
    }

    @Test
    void heartbeat_workerHashGone_reportsItAndDoesNotRecreateIt() {
        store.register(WORKER, HIGH_THEN_LOW, Map.of());
        store.register("other", HIGH_THEN_LOW, Map.of());
        redis.raw().getKeys().delete("rq:worker:" + WORKER);

        assertThat(store.heartbeat(List.of(WORKER, "other"), Map.of())).containsExactly(WORKER);
        assertThat(redis.raw().getKeys().countExists("rq:worker:" + WORKER)).isZero();
    }

    @Test
    void takeAndFinish_unregisteredWorker_doNotRecreateItsHash() throws Exception {
        client.queue("high").enqueue("rqjobs.noop");
        store.finishSuccess(WORKER, take(Duration.ZERO), null);

        assertThat(redis.raw().getKeys().countExists("rq:worker:" + WORKER)).isZero();
    }

    private WorkerStore.Success success(ClaimedJob job, Object value) {
        return new WorkerStore.Success(job, store.encodeResult(value));
    }

    private ClaimedJob take(Duration block) throws InterruptedException {
        return store.take(WORKER, HIGH_THEN_LOW, block).claimed().orElseThrow();
    }

    private CompletableFuture<WorkerStore.Take> takeAsync(List<String> queues, Duration block) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.take(WORKER, queues, block, true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private CompletableFuture<WorkerStore.FinishedThenTaken> finishThenWaitAsync(ClaimedJob done, Duration block) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.finishThenWait(WORKER, List.of(new WorkerStore.Success(done, store.encodeResult(42))),
                        done.queue(), block);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
