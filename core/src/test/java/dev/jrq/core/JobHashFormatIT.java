package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrq.api.Callbacks;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** What {@code enqueue} leaves in Redis, field by field, against the wire-format reference, section (ii). */
@ExtendWith(RedisServerExtension.class)
class JobHashFormatIT {
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void enqueue_defaultOptions_writesExactlyRqsFields(TestRedis redis) {
        Job job = redis.newClient().queue("default").enqueue("rqjobs.add", 2, 3);

        Map<String, String> hash = redis.hash("rq:job:" + job.id());
        assertThat(hash).containsOnlyKeys("created_at", "data", "success_callback_name", "failure_callback_name",
                "started_at", "ended_at", "last_heartbeat", "worker_name", "origin", "description", "enqueued_at",
                "status", "timeout");
        assertThat(hash).containsEntry("success_callback_name", "").containsEntry("failure_callback_name", "")
                .containsEntry("started_at", "").containsEntry("ended_at", "").containsEntry("last_heartbeat", "")
                .containsEntry("worker_name", "").containsEntry("origin", "default")
                .containsEntry("description", "rqjobs.add(2, 3)").containsEntry("status", "queued")
                .containsEntry("timeout", "180");
        assertThat(hash.get("created_at")).matches(TIMESTAMP);
        assertThat(hash.get("enqueued_at")).matches(TIMESTAMP);
        assertThat(redis.ttlSeconds("rq:job:" + job.id())).isEqualTo(-1);
        assertThat(job.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void enqueue_anyJob_dataIsZlibOfRqJsonCall(TestRedis redis) throws IOException {
        Job job = redis.newClient().queue("default").enqueue(JobRequest.of("rqjobs.echo", 1, "two", null,
                List.of(1, 2)).withKwargs(Map.of("kw", "x")));

        byte[] data = redis.hashBytes("rq:job:" + job.id(), "data");
        assertThat(data).startsWith(0x78, 0x9c);
        Object call = JSON.readValue(new InflaterInputStream(new ByteArrayInputStream(data)).readAllBytes(), Object.class);
        assertThat(call).isEqualTo(Arrays.asList("rqjobs.echo", null, Arrays.asList(1, "two", null, List.of(1, 2)),
                Map.of("kw", "x")));
    }

    @Test
    void enqueue_everyOption_writesTtlsMetaAndExpiresTheKey(TestRedis redis) throws IOException {
        JobOptions options = JobOptions.builder().jobId("full-options-job").description("custom description")
                .timeout(Duration.ofSeconds(30)).resultTtl(Duration.ofSeconds(600)).ttl(Duration.ofSeconds(3600))
                .failureTtl(Duration.ofSeconds(7200)).meta(Map.of("owner", "spec", "n", 1)).build();
        redis.newClient().queue("default").enqueue(JobRequest.of("rqjobs.echo").withOptions(options));

        Map<String, String> hash = redis.hash("rq:job:full-options-job");
        assertThat(hash).containsEntry("description", "custom description").containsEntry("timeout", "30")
                .containsEntry("result_ttl", "600").containsEntry("ttl", "3600").containsEntry("failure_ttl", "7200");
        byte[] meta = redis.hashBytes("rq:job:full-options-job", "meta");
        assertThat(meta[0]).as("meta is not compressed").isEqualTo((byte) '{');
        assertThat(JSON.readValue(meta, Map.class)).isEqualTo(Map.of("owner", "spec", "n", 1));
        assertThat(redis.ttlSeconds("rq:job:full-options-job")).isBetween(3590L, 3600L);
    }

    @Test
    void enqueue_metaAndKwargsWithNulls_readBackAsStored(TestRedis redis) {
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("missing", null);
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(JobRequest.of("rqjobs.echo").withKwargs(withNull)
                .withOptions(JobOptions.builder().meta(withNull).build()));

        JobRecord record = client.fetchJob(job.id());
        assertThat(record.meta()).isEqualTo(withNull);
        assertThat(record.payload().kwargs()).isEqualTo(withNull);
        assertThat(record.description()).isEqualTo("rqjobs.echo(missing=None)");
    }

    @Test
    void enqueue_foreverTimeoutAndResultTtl_writesMinusOne(TestRedis redis) {
        JobOptions options = JobOptions.builder().jobId("forever").timeout(JobOptions.FOREVER)
                .resultTtl(JobOptions.FOREVER).build();
        redis.newClient().queue("default").enqueue(JobRequest.of("rqjobs.noop").withOptions(options));

        assertThat(redis.hash("rq:job:forever")).containsEntry("timeout", "-1").containsEntry("result_ttl", "-1");
        assertThat(redis.ttlSeconds("rq:job:forever")).isEqualTo(-1);
    }

    @Test
    void enqueue_atFront_pushesAtTheHead(TestRedis redis) {
        JobQueue queue = redis.newClient().queue("default");
        Job first = queue.enqueue("rqjobs.noop");
        Job urgent = queue.enqueue(JobRequest.of("rqjobs.noop")
                .withOptions(JobOptions.builder().atFront(true).build()));

        assertThat(redis.raw().getList("rq:queue:default", StringCodec.INSTANCE).readAll())
                .containsExactly(urgent.id(), first.id());
    }

    @Test
    void enqueue_twoQueues_bothQueueKeysInRqQueues(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("default").enqueue("rqjobs.noop");
        client.queue("low").enqueue("rqjobs.noop");
        client.queue("low").enqueue("rqjobs.noop");

        assertThat(redis.raw().getSet("rq:queues", StringCodec.INSTANCE).readAll())
                .containsExactlyInAnyOrder("rq:queue:default", "rq:queue:low");
    }

    @Test
    void enqueueAndEnqueueMany_fieldsInRqsOrder_callbackNamesInTheirPlace(TestRedis redis) {
        JobQueue queue = redis.newClient().queue("default");
        JobOptions withCallbacks = JobOptions.builder().callbacks(Callbacks.onSuccess("rqjobs.on_success_cb")
                .withOnFailure("rqjobs.on_failure_cb")).resultTtl(Duration.ofSeconds(600)).build();
        Job one = queue.enqueue(JobRequest.of("rqjobs.noop").withOptions(withCallbacks));
        Job many = queue.enqueueMany(List.of(JobRequest.of("rqjobs.noop").withOptions(withCallbacks))).get(0);

        for (Job job : List.of(one, many)) {
            List<String> fieldsAndValues = hashInStoredOrder(redis, "rq:job:" + job.id());
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < fieldsAndValues.size(); i += 2) {
                fields.add(fieldsAndValues.get(i));
            }
            assertThat(fields).as("RQ 1.13's order, then the optional fields").containsExactly("status",
                    "created_at", "data", "success_callback_name", "failure_callback_name", "started_at", "ended_at",
                    "last_heartbeat", "worker_name", "origin", "description", "enqueued_at", "timeout", "result_ttl",
                    "success_callback_timeout", "failure_callback_timeout");
            assertThat(redis.hash("rq:job:" + job.id())).containsEntry("success_callback_name", "rqjobs.on_success_cb")
                    .containsEntry("failure_callback_name", "rqjobs.on_failure_cb").containsEntry("result_ttl", "600")
                    .containsEntry("success_callback_timeout", "60");
        }
    }

    @Test
    void enqueue_givenIdOfAFinishedJob_oldHashReplacedNotMergedInto(TestRedis redis) {
        JobQueue queue = redis.newClient().queue("default");
        JobOptions sameId = JobOptions.builder().jobId("nightly-report").build();
        queue.enqueue(JobRequest.of("reports.nightly").withOptions(sameId));
        redis.raw().<String, String>getMap("rq:job:nightly-report", StringCodec.INSTANCE)
                .putAll(Map.of("status", "finished", "ended_at", "2026-12-01T00:00:01.000000Z", "exc_info", "old"));

        queue.enqueue(JobRequest.of("reports.nightly").withOptions(sameId));
        queue.enqueueMany(List.of(JobRequest.of("reports.nightly").withOptions(sameId)));

        assertThat(redis.hash("rq:job:nightly-report")).doesNotContainKey("exc_info")
                .containsEntry("status", "queued").containsEntry("ended_at", "");
    }

    /** HGETALL as Redis replies it: field, value, ... in the hash's own order. */
    private static List<String> hashInStoredOrder(TestRedis redis, String key) {
        return redis.raw().getScript(StringCodec.INSTANCE).eval(org.redisson.api.RScript.Mode.READ_ONLY,
                "return redis.call('HGETALL', KEYS[1])", org.redisson.api.RScript.ReturnType.LIST, List.of(key));
    }
}
