package dev.jrq.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/** {@code GET /api/queues/{queue}/{registry}}: server-side pages, their order and bounds, and their cost. */
@ExtendWith(RedisServerExtension.class)
class RegistryPageIT {
    /** Seeds a failed registry of ARGV[2] jobs (job-1 oldest ... job-N newest), each with a job hash. */
    private static final String SEED = """
            for i = 1, tonumber(ARGV[2]) do
              local id = ARGV[1] .. i
              redis.call('ZADD', KEYS[1], i, id)
              redis.call('HSET', 'rq:job:' .. id, 'status', 'failed', 'origin', KEYS[2],
                'description', 'reports.build(' .. i .. ')', 'created_at', '2026-11-28T10:00:00.000000Z')
            end
            redis.call('SADD', 'rq:queues', 'rq:queue:' .. KEYS[2])
            return 1
            """;

    private DashboardServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Api start(JrqClient client) {
        server = DashboardServer.start(client, DashboardOptions.builder().port(0).build());
        return new Api(server.url());
    }

    private static void seedFailed(TestRedis redis, String queue, String prefix, int count) {
        redis.raw().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SEED, RScript.ReturnType.LONG,
                List.of("rq:failed:" + queue, queue), prefix, String.valueOf(count));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("jobs").forEach(job -> ids.add(job.get("id").asText()));
        return ids;
    }

    @Test
    void page_failedRegistry_newestFirstByDefaultAndAscOnRequest(TestRedis redis) {
        JrqClient client = redis.newClient(MutableClock.at(Instant.now()));
        List<String> failed = Seed.failedJobs(client, "reports", 5);
        Api api = start(client);

        JsonNode first = api.get("/api/queues/reports/failed?perPage=2").json();
        JsonNode last = api.get("/api/queues/reports/failed?perPage=2&page=3").json();
        JsonNode ascending = api.get("/api/queues/reports/failed?perPage=2&order=asc").json();

        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("pages").asLong()).isEqualTo(3);
        assertThat(first.get("order").asText()).isEqualTo("desc");
        assertThat(ids(first)).containsExactly(failed.get(4), failed.get(3));
        assertThat(ids(last)).containsExactly(failed.get(0));
        assertThat(ids(ascending)).containsExactly(failed.get(0), failed.get(1));
        JsonNode row = first.get("jobs").get(0);
        assertThat(row.get("name").asText()).isEqualTo("reports.crash");
        assertThat(row.get("description").asText()).isEqualTo("reports.crash(4)");
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("origin").asText()).isEqualTo("reports");
        assertThat(row.get("error").asText()).isEqualTo("ValueError: boom 4");
        assertThat(row.get("worker").asText()).isEqualTo(Seed.WORKER);
        assertThat(row.get("endedAt").asText()).endsWith("Z");
        assertThat(row.get("missing").asBoolean()).isFalse();
    }

    @Test
    void page_queuedList_newestFirstIsTheBackAndAscIsRunOrder(TestRedis redis) {
        JrqClient client = redis.newClient();
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(client.queue("mail").enqueue("mail.send", i).id());
        }
        Api api = start(client);

        assertThat(ids(api.get("/api/queues/mail/queued?perPage=3").json()))
                .containsExactly(queued.get(3), queued.get(2), queued.get(1));
        assertThat(ids(api.get("/api/queues/mail/queued?perPage=3&page=2").json())).containsExactly(queued.get(0));
        assertThat(ids(api.get("/api/queues/mail/queued?perPage=3&order=asc").json()))
                .containsExactly(queued.get(0), queued.get(1), queued.get(2));
    }

    @Test
    void page_beyondTheLastPage_emptyWithTheTotals(TestRedis redis) {
        JrqClient client = redis.newClient();
        Seed.failedJobs(client, "reports", 3);
        Api api = start(client);

        JsonNode page = api.get("/api/queues/reports/failed?page=9").json();

        assertThat(page.get("jobs")).isEmpty();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("pages").asLong()).isEqualTo(1);
        assertThat(page.get("perPage").asInt()).isEqualTo(25);
    }

    @Test
    void page_badParameters_400SayingWhatIsAllowed(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("mail").enqueue("mail.send");
        Api api = start(client);

        assertThat(api.get("/api/queues/mail/broken").json().get("error").asText()).isEqualTo(
                "registry must be one of queued, started, deferred, scheduled, finished, failed, canceled; was 'broken'");
        assertThat(api.get("/api/queues/mail/queued?perPage=201").json().get("error").asText())
                .isEqualTo("perPage must be an integer from 1 to 200; was '201'");
        assertThat(api.get("/api/queues/mail/queued?perPage=0").status()).isEqualTo(400);
        assertThat(api.get("/api/queues/mail/queued?page=0").json().get("error").asText())
                .isEqualTo("page must be an integer from 1 to 2147483647; was '0'");
        assertThat(api.get("/api/queues/mail/queued?page=x").status()).isEqualTo(400);
        assertThat(api.get("/api/queues/mail/queued?order=dsc").json().get("error").asText())
                .isEqualTo("order must be desc (newest first) or asc; was 'dsc'");
        assertThat(api.get("/api/queues/mail/queued?perPage=200").status()).isEqualTo(200);
        Api.Response missing = api.get("/api/queues/nope/queued");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("no queue named 'nope'");
    }

    @Test
    void page_registryOf100000Jobs_firstAndLastPagesRightAndCostTheSameCommandsAsTenJobs(TestRedis redis) {
        seedFailed(redis, "big", "job-", 100_000);
        seedFailed(redis, "small", "small-", 10);
        Api api = start(redis.newClient());
        // why: the idle poller samples the throughput history at start; let it, so it cannot count in below
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.raw().getKeys().countExists("jrq:stats:minutes") == 1);

        Map<String, Long> small = cost(redis, api, "/api/queues/small/failed?perPage=10");
        Map<String, Long> before = RedisCommands.calls(redis);
        JsonNode first = api.get("/api/queues/big/failed?perPage=10").json();
        Map<String, Long> firstCost = RedisCommands.between(before, RedisCommands.calls(redis));
        before = RedisCommands.calls(redis);
        JsonNode last = api.get("/api/queues/big/failed?perPage=10&page=10000").json();
        Map<String, Long> lastCost = RedisCommands.between(before, RedisCommands.calls(redis));

        assertThat(first.get("total").asLong()).isEqualTo(100_000);
        assertThat(first.get("pages").asLong()).isEqualTo(10_000);
        assertThat(ids(first)).containsExactly("job-100000", "job-99999", "job-99998", "job-99997", "job-99996",
                "job-99995", "job-99994", "job-99993", "job-99992", "job-99991");
        assertThat(ids(last)).containsExactly("job-10", "job-9", "job-8", "job-7", "job-6", "job-5", "job-4",
                "job-3", "job-2", "job-1");
        assertThat(last.get("jobs").get(9).get("description").asText()).isEqualTo("reports.build(1)");
        assertThat(firstCost).as("page 1 of 100,000 against a page of 10 jobs").isEqualTo(small);
        assertThat(lastCost).as("the last page of 100,000 against a page of 10 jobs").isEqualTo(small);
        assertThat(small.values().stream().mapToLong(Long::longValue).sum()).as(small.toString())
                .isLessThanOrEqualTo(2 + 2 * 10);
        assertThat(small).containsEntry("hmget", 10L).containsEntry("zcard", 1L);
    }

    private static Map<String, Long> cost(TestRedis redis, Api api, String path) {
        Map<String, Long> before = RedisCommands.calls(redis);
        assertThat(api.get(path).status()).isEqualTo(200);
        return RedisCommands.between(before, RedisCommands.calls(redis));
    }

    @Test
    void page_nameFilter_boundedScanReturnsMatchesAndWhereToGoOn(TestRedis redis) {
        JrqClient client = redis.newClient();
        for (int i = 0; i < 30; i++) {
            client.queue("mixed").enqueue(i % 3 == 0 ? "mail.send" : "reports.build", i);
        }
        Api api = start(client);

        JsonNode page = api.get("/api/queues/mixed/queued?name=mail.send&perPage=4&order=asc").json();
        JsonNode rest = api.get("/api/queues/mixed/queued?name=mail.send&perPage=50&order=asc&from="
                + page.get("filter").get("nextFrom").asInt()).json();

        assertThat(page.get("jobs")).hasSize(4);
        page.get("jobs").forEach(job -> assertThat(job.get("name").asText()).isEqualTo("mail.send"));
        assertThat(page.get("jobs").get(0).get("description").asText()).isEqualTo("mail.send(0)");
        assertThat(page.get("filter").get("scanned").asInt()).isEqualTo(10); // ids 0..9 hold 0, 3, 6, 9
        assertThat(page.get("filter").get("nextFrom").asInt()).isEqualTo(10);
        assertThat(rest.get("jobs")).hasSize(6);
        assertThat(rest.get("jobs").get(0).get("description").asText()).isEqualTo("mail.send(12)");
        assertThat(rest.get("filter").get("nextFrom").isNull()).isTrue();
        assertThat(rest.get("filter").get("scanned").asInt()).isEqualTo(20);
        assertThat(rest.get("total").asLong()).isEqualTo(30);
    }

    @Test
    void page_hashExpiredWhileListed_rowMarkedMissing(TestRedis redis) {
        JrqClient client = redis.newClient();
        String id = client.queue("mail").enqueue("mail.send").id();
        redis.raw().getKeys().delete("rq:job:" + id);
        Api api = start(client);

        JsonNode row = api.get("/api/queues/mail/queued").json().get("jobs").get(0);

        assertThat(row.get("id").asText()).isEqualTo(id);
        assertThat(row.get("missing").asBoolean()).isTrue();
        assertThat(row.get("status").isNull()).isTrue();
    }
}
