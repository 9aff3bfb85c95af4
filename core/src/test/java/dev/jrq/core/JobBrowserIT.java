package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.internal.Zlib;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

@ExtendWith(RedisServerExtension.class)
class JobBrowserIT {
    @Test
    void overview_queuesAndRegistries_countedWithoutCleanup(TestRedis redis) {
        JrqClient client = redis.newClient();
        client.queue("b").enqueue("x.y");
        client.queue("a").enqueue("x.y");
        client.queue("a").enqueue("x.y");
        // an expired failed entry: a read must count it and leave it (RQ's get_job_count(cleanup=False))
        redis.raw().getScoredSortedSet("rq:failed:a", StringCodec.INSTANCE).add(1, "old");
        client.workerControl().suspend();

        QueueOverview overview = client.browser().overview();

        assertThat(overview.queues()).extracting(QueueCounts::name).containsExactly("a", "b");
        assertThat(overview.queues().get(0)).isEqualTo(new QueueCounts("a", 2, 0, 0, 0, 0, 1, 0));
        assertThat(overview.suspended()).isTrue();
        assertThat(redis.raw().getScoredSortedSet("rq:failed:a").size()).isEqualTo(1);
    }

    @Test
    void queuePage_newestFirstFromTheBack_ascFromTheFront(TestRedis redis) {
        JrqClient client = redis.newClient();
        List<String> ids = List.of(client.queue("q").enqueue("j", 0).id(), client.queue("q").enqueue("j", 1).id(),
                client.queue("q").enqueue("j", 2).id());

        JobPage newest = client.browser().queuePage("q", 0, 2, true);
        JobPage oldest = client.browser().queuePage("q", 1, 5, false);

        assertThat(newest.total()).isEqualTo(3);
        assertThat(newest.jobs()).extracting(JobSummary::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(oldest.jobs()).extracting(JobSummary::id).containsExactly(ids.get(1), ids.get(2));
        assertThat(newest.jobs().get(0).name()).isEqualTo("j");
        assertThat(newest.jobs().get(0).description()).isEqualTo("j(2)");
    }

    @Test
    void summaries_pythonExcInfoInTheHash_lastLineOfTheTraceback(TestRedis redis) {
        JrqClient client = redis.newClient();
        String id = client.queue("q").enqueue("j").id();
        byte[] excInfo = Zlib.compress("Traceback (most recent call last):\n  File \"a.py\"\nKeyError: 'k'\n"
                .getBytes(StandardCharsets.UTF_8));
        redis.raw().<String, byte[]>getMap("rq:job:" + id, new CompositeCodec(StringCodec.INSTANCE,
                ByteArrayCodec.INSTANCE)).put("exc_info", excInfo);

        JobSummary summary = client.browser().summaries(List.of(id, "gone"), false).get(0);

        assertThat(summary.error()).isEqualTo("KeyError: 'k'");
        assertThat(client.browser().summaries(List.of("gone"), false).get(0).missing()).isTrue();
        assertThat(client.browser().details(id).orElseThrow().excInfo()).startsWith("Traceback").endsWith("'k'\n");
    }

    @Test
    void errorLineAndName_fromTextAsStored() {
        assertThat(JobSummary.errorLine("java.lang.IllegalStateException: no\n\tat x.Y(Y.java:1)"))
                .isEqualTo("java.lang.IllegalStateException: no");
        assertThat(JobSummary.errorLine("  ")).isNull();
        assertThat(JobSummary.nameFromDescription("mod.func(1, x='y')")).isEqualTo("mod.func");
        assertThat(JobSummary.nameFromDescription("send the weekly mail")).isNull();
        assertThat(JobSummary.nameFromDescription("(1)")).isNull();
    }

    @Test
    void details_absentJob_empty(TestRedis redis) {
        assertThat(redis.newClient().browser().details("nope")).isEmpty();
    }
}
