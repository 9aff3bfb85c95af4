package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.PackedQueuedJobs;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/**
 * Redisson may send a script call again after a timeout although the first one ran: the enqueue scripts know
 * their own call by the job's created_at and do not push the id twice (lib/queued_job.lua).
 */
@ExtendWith(RedisServerExtension.class)
class EnqueueReplayIT {
    private static final String CREATED_AT = "2026-12-04T18:00:00.000001Z";

    @Test
    void enqueueScript_sentTwiceWithTheSameArguments_jobQueuedOnce(TestRedis redis) {
        JrqClient client = redis.newClient();
        Object[] args = {RqKeys.queue("default"), "default", 0, "0",
            client.codec().packQueuedJob("replayed-job", false, JobRequest.of("rqjobs.noop"), CREATED_AT)};
        List<String> keys = List.of(RqKeys.QUEUES, RqKeys.job("replayed-job"), RqKeys.queue("default"),
                "rq:deferred:default", "rq:job::replayed-job:dependencies");

        long first = client.scripts().runForLong(LuaScript.ENQUEUE, keys, args);
        long again = client.scripts().runForLong(LuaScript.ENQUEUE, keys, args);

        assertThat(List.of(first, again)).containsExactly(1L, 1L);
        assertThat(queued(redis)).containsExactly("replayed-job");
        assertThat(redis.hash("rq:job:replayed-job")).containsEntry("created_at", CREATED_AT)
                .containsEntry("status", "queued");
    }

    @Test
    void enqueueManyScript_sentTwiceWithTheSameArguments_eachJobQueuedOnce_uniqueOnesAsTheFirstCallFoundThem(
            TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("default").enqueue(JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().jobId("taken").build()));
        PackedQueuedJobs jobs = new PackedQueuedJobs(client.codec());
        jobs.add("taken", true, JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().jobId("taken").unique(true).build()), "2026-12-04T18:00:00.000001Z");
        jobs.add("a", false, JobRequest.of("rqjobs.noop"), "2026-12-04T18:00:00.000002Z");
        jobs.add("fresh", true, JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().jobId("fresh").unique(true).build()), "2026-12-04T18:00:00.000003Z");
        jobs.add("b", false, JobRequest.of("rqjobs.noop"), "2026-12-04T18:00:00.000004Z");
        Object[] args = {RqKeys.queue("default"), "default", RqKeys.JOB_PREFIX, jobs.toBytes()};
        List<String> keys = List.of(RqKeys.QUEUES, RqKeys.queue("default"));

        List<Object> first = client.scripts().runForObjects(LuaScript.ENQUEUE_MANY, keys, args);
        List<Object> again = client.scripts().runForObjects(LuaScript.ENQUEUE_MANY, keys, args);

        assertThat(first).containsExactly(0L, 1L, 1L, 1L);
        assertThat(again).containsExactly(0L, 1L, 1L, 1L);
        assertThat(queued(redis)).containsExactly("taken", "a", "fresh", "b");
        assertThat(redis.hash("rq:job:b")).containsEntry("created_at", "2026-12-04T18:00:00.000004Z")
                .containsEntry("status", "queued");
    }

    private static List<String> queued(TestRedis redis) {
        return redis.raw().<String>getList("rq:queue:default", StringCodec.INSTANCE).readAll();
    }
}
