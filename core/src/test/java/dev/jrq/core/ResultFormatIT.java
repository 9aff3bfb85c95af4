package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RScript;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/** What a finished or failed job leaves in Redis: the job hash, the result stream, registries and TTLs. */
@ExtendWith(RedisServerExtension.class)
class ResultFormatIT {
    /** 2026-11-28T07:51:35Z, the reference's "finished 07:51:35" example. */
    private static final long NOW = 1_795_852_295L;

    private TestRedis redis;
    private JobQueue queue;
    private TestWorker worker;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        JrqClient client = redis.newClient(MutableClock.at(Instant.ofEpochSecond(NOW)));
        this.queue = client.queue("default");
        this.worker = new TestWorker(client, "default");
    }

    @Test
    void finishSuccess_defaults_jobFinishedResultKept500Seconds() throws IOException {
        Job job = queue.enqueue("rqjobs.echo", "x");
        worker.succeed(Map.of("args", List.of(1, "two")));

        Map<String, String> hash = redis.hash("rq:job:" + job.id());
        assertThat(hash).containsEntry("status", "finished").containsEntry("worker_name", TestWorker.NAME);
        assertThat(hash.get("started_at")).matches(JobHashFormatIT.TIMESTAMP);
        assertThat(hash.get("ended_at")).matches(JobHashFormatIT.TIMESTAMP);
        Map<String, String> entry = onlyResultEntry(job);
        assertThat(entry).containsOnlyKeys("type", "return_value").containsEntry("type", "1");
        assertThat(new ObjectMapper().readValue(Base64.getDecoder().decode(entry.get("return_value")), Map.class))
                .isEqualTo(Map.of("args", List.of(1, "two")));
        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isBetween(495L, 500L);
        assertThat(redis.ttlSeconds("rq:results:" + job.id())).isBetween(495L, 500L);
        assertThat(score("rq:finished:default", job)).isEqualTo(String.valueOf(NOW + 500));
        assertThat(redis.raw().getScoredSortedSet("rq:wip:default").size()).isZero();
    }

    @Test
    void finishSuccess_nullReturnValue_entryHasOnlyType() {
        Job job = queue.enqueue("rqjobs.noop");
        worker.succeed(null);

        assertThat(onlyResultEntry(job)).containsExactly(Map.entry("type", "1"));
    }

    @Test
    void finishSuccess_resultTtlForever_keepsJobAndScoresInfinity() {
        Job job = queue.enqueue(request(JobOptions.builder().resultTtl(JobOptions.FOREVER)));
        worker.succeed(3);

        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isEqualTo(-1);
        assertThat(redis.ttlSeconds("rq:results:" + job.id())).isEqualTo(-1);
        assertThat(score("rq:finished:default", job)).isEqualTo("inf");
    }

    @Test
    void finishSuccess_resultTtlZero_deletesJobAndResult() {
        Job job = queue.enqueue(request(JobOptions.builder().resultTtl(Duration.ZERO)));
        worker.succeed(3);

        assertThat(redis.raw().getKeys().countExists("rq:job:" + job.id(), "rq:results:" + job.id())).isZero();
        assertThat(score("rq:finished:default", job)).isNull();
        assertThat(score("rq:wip:default", job)).isNull();
    }

    @Test
    void finishSuccess_resultTtlGiven_usedForKeysAndScore() {
        Job job = queue.enqueue(request(JobOptions.builder().resultTtl(Duration.ofSeconds(600))));
        worker.succeed(3);

        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isBetween(595L, 600L);
        assertThat(score("rq:finished:default", job)).isEqualTo(String.valueOf(NOW + 600));
    }

    @Test
    void finishFailure_defaults_keptOneYearResultStreamNeverExpires() throws IOException {
        Job job = queue.enqueue("rqjobs.fail", "parent fails");
        String traceback = "Traceback (most recent call last):\nValueError: parent fails";
        worker.fail(traceback);

        Map<String, String> hash = redis.hash("rq:job:" + job.id());
        assertThat(hash).containsEntry("status", "failed");
        assertThat(hash.get("ended_at")).matches(JobHashFormatIT.TIMESTAMP);
        Map<String, String> entry = onlyResultEntry(job);
        assertThat(entry).containsOnlyKeys("type", "exc_string").containsEntry("type", "2");
        byte[] zlib = Base64.getDecoder().decode(entry.get("exc_string"));
        assertThat(zlib).startsWith(0x78, 0x9c);
        assertThat(new String(new InflaterInputStream(new ByteArrayInputStream(zlib)).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo(traceback);
        assertThat(score("rq:failed:default", job)).isEqualTo(String.valueOf(NOW + 31_536_000));
        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isBetween(31_535_990L, 31_536_000L);
        assertThat(redis.ttlSeconds("rq:results:" + job.id())).as("RQ's quirk: no TTL").isEqualTo(-1);
        assertThat(redis.raw().getScoredSortedSet("rq:wip:default").size()).isZero();
    }

    @Test
    void finishFailure_failureTtlGiven_resultStreamExpiresToo() {
        Job job = queue.enqueue(request(JobOptions.builder().failureTtl(Duration.ofSeconds(7200))));
        worker.fail("boom");

        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isBetween(7190L, 7200L);
        assertThat(redis.ttlSeconds("rq:results:" + job.id())).isBetween(7190L, 7200L);
        assertThat(score("rq:failed:default", job)).isEqualTo(String.valueOf(NOW + 7200));
    }

    @Test
    void finishFailure_failureTtlForever_keepsTheFailedJob() {
        Job job = queue.enqueue(request(JobOptions.builder().failureTtl(JobOptions.FOREVER)));
        worker.fail("boom");

        assertThat(redis.hash("rq:job:" + job.id())).containsEntry("status", "failed");
        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isEqualTo(-1);
        assertThat(redis.ttlSeconds("rq:results:" + job.id())).isEqualTo(-1);
        assertThat(score("rq:failed:default", job)).isEqualTo("inf");
    }

    @Test
    void finishSuccess_resultStreamSizedToItsEntry_asXaddWouldWriteIt() {
        Job job = queue.enqueue("rqjobs.echo", "x");
        worker.succeed("a small result");

        String results = "rq:results:" + job.id();
        // why: XADD to a new stream on Redis 7 preallocates a 4 KB listpack; MEMORY USAGE said 4,728 bytes
        assertThat(memoryUsage(results)).as("bytes of a one-entry result stream").isBetween(100L, 1_024L);
        Map<String, Object> info = streamInfo(results);
        assertThat(info).containsEntry("length", 1L).containsEntry("entries-added", 1L)
                .containsEntry("max-deleted-entry-id", "0-0");
        assertThat(info.get("last-generated-id")).isEqualTo(info.get("recorded-first-entry-id"));
        assertThat(redis.raw().getKeys().getKeysByPattern("jrq:scratch*")).as("the scratch stream is gone")
                .isEmpty();
    }

    @Test
    void failedAttemptThenSuccess_bothResultsInOrder_secondAppended() {
        Job job = queue.enqueue(request(JobOptions.builder().retry(Retry.max(1))));
        ClaimedJob first = worker.take();
        assertThat(worker.store().finishFailure(TestWorker.NAME, first, "boom", Duration.ofMillis(5)))
                .isEqualTo(WorkerStore.FailureOutcome.REQUEUED);
        worker.succeed(3);

        Map<StreamMessageId, Map<String, String>> entries = redis.raw()
                .<String, String>getStream("rq:results:" + job.id(), StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertThat(entries.values()).extracting(entry -> entry.get("type")).containsExactly("2", "1");
        assertThat(streamInfo("rq:results:" + job.id())).containsEntry("entries-added", 2L);
    }

    private static JobRequest request(JobOptions.Builder options) {
        return JobRequest.of("rqjobs.add", 1, 2).withOptions(options.build());
    }

    private Map<String, String> onlyResultEntry(Job job) {
        Map<StreamMessageId, Map<String, String>> entries = redis.raw()
                .<String, String>getStream("rq:results:" + job.id(), StringCodec.INSTANCE)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        assertThat(entries).hasSize(1);
        return entries.values().iterator().next();
    }

    private long memoryUsage(String key) {
        return redis.raw().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "return redis.call('MEMORY', 'USAGE', KEYS[1])", RScript.ReturnType.LONG,
                List.of(key));
    }

    /** XINFO STREAM's top-level fields: numbers as Long, ids as text. */
    private Map<String, Object> streamInfo(String key) {
        List<Object> flat = redis.raw().getScript(StringCodec.INSTANCE).eval(
                RScript.Mode.READ_ONLY, "local info = redis.call('XINFO', 'STREAM', KEYS[1]) "
                        + "local out = {} for i = 1, #info, 2 do if type(info[i + 1]) ~= 'table' then "
                        + "out[#out + 1] = info[i] out[#out + 1] = info[i + 1] end end return out",
                RScript.ReturnType.LIST, List.of(key));
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            info.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return info;
    }

    private String score(String registry, Job job) {
        return redis.zscore(registry, job.id());
    }
}
