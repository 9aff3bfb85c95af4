package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.RedisConfig;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.jobs.CountVisit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** The README's first command, {@code java -jar examples/target/jrq-demo.jar --once}, against the test's Redis. */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class DemoIT {

    @Test
    void demoJar_onceWithRedisUrlInEnvironment_printsEveryResultAndExitsZero(TestRedis redis, Processes processes) {
        RunningProcess demo = processes.javaJar(Processes.DEMO_JAR, Map.of(RedisConfig.URL_VARIABLE, redis.url()),
                "--once");

        demo.awaitSuccess();

        assertThat(demo.stdout()).contains("Redis: " + redis.url() + "\n")
                .doesNotContain("embedded")
                .contains("with result: Hello from JRQ")
                .contains("visitor no. 1", "visitor no. 2", "visitor no. 3")
                .contains("Demo stopped.");
        assertThat(redis.raw().getBucket(CountVisit.COUNT_KEY, StringCodec.INSTANCE).get()).isEqualTo("3");
    }
}
