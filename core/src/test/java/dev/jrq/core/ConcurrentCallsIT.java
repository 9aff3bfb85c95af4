package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobRequest;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many threads of one client enqueueing, taking and finishing at once: their script calls go to Redis together
 * (group commit), and each caller still gets exactly its own reply, also when Redis forgets the scripts meanwhile.
 */
@ExtendWith(RedisServerExtension.class)
class ConcurrentCallsIT {
    private static final int THREADS = 8;
    private static final int JOBS_PER_THREAD = 300;

    private TestRedis redis;
    private JrqClient client;
    private ExecutorService threads;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void enqueue_fromManyThreadsAtOnce_eachCallerGetsItsOwnJob() throws Exception {
        JobQueue queue = client.queue("default");
        List<Future<List<String>>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            perThread.add(threads.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < JOBS_PER_THREAD; i++) {
                    if (thread == 0 && i == JOBS_PER_THREAD / 2) {
                        redis.raw().getScript().scriptFlush(); // why: calls waiting then must load it again
                    }
                    Job job = queue.enqueue("rqjobs.echo", thread, i);
                    assertThat(job.fetch().payload().args()).containsExactly(thread, i);
                    ids.add(job.id());
                }
                return ids;
            }));
        }

        Set<String> all = new HashSet<>();
        for (Future<List<String>> ids : perThread) {
            all.addAll(ids.get(60, TimeUnit.SECONDS));
        }
        assertThat(all).hasSize(THREADS * JOBS_PER_THREAD);
        assertThat(queue.count()).isEqualTo(THREADS * JOBS_PER_THREAD);
    }

    @Test
    void takeAndFinish_fromManySlotsAtOnce_everyJobFinishedOnce() throws Exception {
        JobQueue queue = client.queue("default");
        List<JobRequest> requests = new ArrayList<>();
        for (int i = 0; i < THREADS * JOBS_PER_THREAD; i++) {
            requests.add(JobRequest.of("rqjobs.echo", i));
        }
        queue.enqueueMany(requests);
        WorkerStore store = client.workerStore();
        List<Future<Set<String>>> perSlot = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String slot = "slot-" + t;
            store.register(slot, List.of("default"), java.util.Map.of());
            perSlot.add(threads.submit(() -> {
                Set<String> finished = new HashSet<>();
                WorkerStore.Take take = store.take(slot, List.of("default"), Duration.ZERO);
                List<ClaimedJob> held = take.claimed().map(List::of).orElse(List.of());
                while (!held.isEmpty()) {
                    List<WorkerStore.Success> successes = new ArrayList<>();
                    for (ClaimedJob job : held) {
                        assertThat(job.record().workerName()).isEqualTo(slot);
                        successes.add(new WorkerStore.Success(job,
                                store.encodeResult(job.record().payload().args().get(0))));
                        assertThat(finished.add(job.jobId())).isTrue();
                    }
                    WorkerStore.Batch done = store.finishMany(slot, successes, List.of("default"), 3, false);
                    assertThat(done.recorded()).hasSize(held.size()).containsOnly(true);
                    held = done.taken();
                }
                return finished;
            }));
        }

        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<Set<String>> finished : perSlot) {
            Set<String> ids = finished.get(60, TimeUnit.SECONDS);
            total += ids.size();
            all.addAll(ids);
        }
        assertThat(total).isEqualTo(THREADS * JOBS_PER_THREAD);
        assertThat(all).hasSize(THREADS * JOBS_PER_THREAD);
        assertThat(queue.registry(RegistryType.FINISHED).count()).isEqualTo(THREADS * JOBS_PER_THREAD);
        assertThat(queue.registry(RegistryType.STARTED).count()).isZero();
    }
}
