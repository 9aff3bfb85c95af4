package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.net.ServerSocket;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

@ExtendWith(RedisServerExtension.class)
class JrqClientIT {

    @Test
    void queues_rqQueuesSet_sortedNamesWithoutForeignMembers(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("low").enqueue("rqjobs.noop");
        client.queue("default").enqueue("rqjobs.noop");
        client.queue("high").enqueue("rqjobs.noop");
        redis.raw().getSet("rq:queues", StringCodec.INSTANCE).add("not-a-queue-key");

        assertThat(client.queues()).extracting(JobQueue::name).containsExactly("default", "high", "low");
    }

    @Test
    void queues_nothingEnqueued_empty(TestRedis redis) {
        assertThat(redis.newClient().queues()).isEmpty();
    }

    @Test
    void findJob_unknownId_emptyAndFetchThrows(TestRedis redis) {
        JrqClient client = redis.newClient();
        assertThat(client.findJob("no-such-job")).isEmpty();
        assertThatThrownBy(() -> client.fetchJob("no-such-job")).isInstanceOf(NoSuchJobException.class);
        assertThat(client.results("no-such-job", 10)).isEmpty();
    }

    @Test
    void results_limit_newestFirstAtMostLimit(TestRedis redis) {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue("rqjobs.flaky");
        TestWorker worker = new TestWorker(client, "default");
        for (int run = 1; run <= 3; run++) {
            worker.fail("run " + run);
            job.requeue();
        }

        assertThat(client.results(job.id(), 2)).extracting(JobResult::error).containsExactly("run 3", "run 2");
    }

    @Test
    void connect_nothingListening_configurationExceptionNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisConfig config = RedisConfig.fromUrl("redis://127.0.0.1:" + port);

        assertThatThrownBy(() -> JrqClient.connect(config).close())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot connect to Redis at redis://127.0.0.1:" + port + "/0");
    }

    @Test
    void accessors_connectedClient_describeTheConnection(TestRedis redis) {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T07:51:35Z"));
        JrqClient client = redis.newClient(clock);
        assertThat(client.config().description()).isEqualTo(RedisConfig.fromUrl(redis.url()).description());
        assertThat(client.serializer().name()).isEqualTo("json");
        assertThat(client.clock()).isSameAs(clock);
    }
}
