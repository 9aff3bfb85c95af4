package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobStatus;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

/** Jobs and results exactly as Python RQ wrote them in the reference's dumps, read back through JRQ. */
@ExtendWith(RedisServerExtension.class)
class PythonWrittenJobIT {
    /** {@code zlib(json.dumps(["rqjobs.add", None, [2, 3], {}]))}, 40 bytes, from the reference (iv). */
    private static final String JSON_DATA =
            "789c8b562a2accca4f2ad64b4c4951d251c82bcdc9d1518836d251308ed551a8ae8d0500aaf809e5";
    /** {@code zlib(pickle.dumps(('rqjobs.add', None, (40, 2), {}), protocol=5))}, 41 bytes. */
    private static final String PICKLED_DATA =
            "789c6b609d2ac500011a3d5c458559f949c57a89292953fcbc35bc99daa6d44e2999a20700a8350ade";

    private TestRedis redis;
    private JrqClient client;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
    }

    @Test
    void fetchJob_jsonJobWrittenByRq_decodesEveryField() {
        writeJob("2ddb1964-fef4-4154-a955-83bc17ae10e9", JSON_DATA, Map.of("status", "queued",
                "created_at", "2026-11-28T07:51:34.785297Z", "enqueued_at", "2026-11-28T07:51:34.786074Z",
                "description", "rqjobs.add(2, 3)", "timeout", "180"));

        JobRecord job = client.fetchJob("2ddb1964-fef4-4154-a955-83bc17ae10e9");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.jobName()).isEqualTo("rqjobs.add");
        assertThat(job.payload().args()).containsExactly(2, 3);
        assertThat(job.payload().kwargs()).isEmpty();
        assertThat(job.payload().sizeBytes()).isEqualTo(40);
        assertThat(job.origin()).isEqualTo("default");
        assertThat(job.description()).isEqualTo("rqjobs.add(2, 3)");
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-28T07:51:34.785297Z"));
        assertThat(job.enqueuedAt()).isEqualTo(Instant.parse("2026-11-28T07:51:34.786074Z"));
        assertThat(job.startedAt()).isNull();
        assertThat(job.workerName()).isNull();
        assertThat(job.timeout()).hasSeconds(180);
        assertThat(job.fields()).containsEntry("ended_at", "").doesNotContainKey("data");
    }

    @Test
    void fetchJob_pickledJob_reportedUndecodableWithoutThrowing() {
        writeJob("pickled-job", PICKLED_DATA, Map.of("status", "queued", "origin", "pickled",
                "description", "rqjobs.add(40, 2)"));
        redis.raw().<String, byte[]>getMap("rq:job:pickled-job", bytesCodec())
                .put("meta", HexFormat.of().parseHex("8005950a000000000000007d948c016d944b01732e"));

        JobRecord job = client.fetchJob("pickled-job");
        assertThat(job.payload().isDecoded()).isFalse();
        assertThat(job.payload().sizeBytes()).isEqualTo(41);
        assertThat(job.payload().error()).contains("json").contains("pickle");
        assertThat(job.jobName()).isNull();
        assertThat(job.meta()).isEmpty();
        assertThat(job.description()).isEqualTo("rqjobs.add(40, 2)");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void fetchJob_rq2StatusUnknownToRq113_statusNullFieldsKept() {
        writeJob("created-job", JSON_DATA, Map.of("status", "created", "group_id", ""));

        JobRecord job = client.fetchJob("created-job");
        assertThat(job.status()).isNull();
        assertThat(job.fields()).containsEntry("status", "created").containsEntry("group_id", "");
        assertThat(job.jobName()).isEqualTo("rqjobs.add");
    }

    @Test
    void results_streamWrittenByRq_decodesValueAndError() {
        writeJob("parent-job", JSON_DATA, Map.of("status", "failed"));
        var stream = redis.raw().<String, String>getStream("rq:results:parent-job", StringCodec.INSTANCE);
        stream.add(org.redisson.api.stream.StreamAddArgs.entries(Map.of("type", "1", "return_value", "Mw==",
                "worker_name", "live-worker", "execution_id", "f5c084be3d394dfea72bf79a699466d2")));
        stream.add(org.redisson.api.stream.StreamAddArgs.entries(Map.of("type", "2", "exc_string",
                "eJwLKUpMTk1KTM5W0MjNLy5RKEpNTs0rUUhOzMlRyEksLtG04gpLzClNdS0qyi+yUihILAJJpyVm5hQDAHovFUQ=")));

        List<JobResult> results = client.job("parent-job").results();
        assertThat(results).extracting(JobResult::type)
                .containsExactly(JobResult.Type.FAILED, JobResult.Type.SUCCESSFUL);
        assertThat(results.get(0).error())
                .isEqualTo("Traceback (most recent call last):\nValueError: parent fails");
        assertThat(results.get(1).returnValue()).isEqualTo(3);
        assertThat(results.get(1).createdAt()).isBeforeOrEqualTo(results.get(0).createdAt());
    }

    @Test
    void results_pickledReturnValue_reportedUndecodableWithoutThrowing() {
        writeJob("pickled-job", PICKLED_DATA, Map.of("status", "finished"));
        // pickle.dumps(42, protocol=5), base64: RQ's default serializer wrote this result
        redis.raw().<String, String>getStream("rq:results:pickled-job", StringCodec.INSTANCE)
                .add(org.redisson.api.stream.StreamAddArgs.entries(Map.of("type", "1", "return_value", "gAVLKi4=")));

        JobResult result = client.job("pickled-job").latestResult().orElseThrow();
        assertThat(result.type()).isEqualTo(JobResult.Type.SUCCESSFUL);
        assertThat(result.returnValue()).isNull();
        assertThat(result.valueError()).contains("cannot decode the return value").contains("'json' serializer");
    }

    private void writeJob(String id, String dataHex, Map<String, String> fields) {
        Map<String, byte[]> hash = new LinkedHashMap<>();
        for (String empty : List.of("success_callback_name", "failure_callback_name", "started_at", "ended_at",
                "last_heartbeat", "worker_name")) {
            hash.put(empty, new byte[0]);
        }
        hash.put("origin", utf8("default"));
        hash.put("created_at", utf8("2026-11-28T07:51:34.785297Z"));
        fields.forEach((field, value) -> hash.put(field, utf8(value)));
        hash.put("data", HexFormat.of().parseHex(dataHex));
        redis.raw().<String, byte[]>getMap("rq:job:" + id, bytesCodec()).putAll(hash);
    }

    private static CompositeCodec bytesCodec() {
        return new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
