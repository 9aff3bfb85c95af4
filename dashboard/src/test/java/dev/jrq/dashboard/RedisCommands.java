package dev.jrq.dashboard;

import dev.jrq.core.testing.TestRedis;
import java.util.Map;
import java.util.TreeMap;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/** How many times Redis ran each command ({@code INFO commandstats}), to count what a request costs. */
final class RedisCommands {
    private RedisCommands() {
    }

    /** Calls per command name since the server started (INFO and the connection's own chatter left out). */
    static Map<String, Long> calls(TestRedis redis) {
        Map<String, String> info = redis.raw().getRedisNodes(RedisNodes.SINGLE).getInstance()
                .info(RedisNode.InfoSection.COMMANDSTATS);
        Map<String, Long> calls = new TreeMap<>();
        info.forEach((key, value) -> {
            String command = key.replace("cmdstat_", "");
            if (!command.equals("info") && !command.equals("ping") && !command.startsWith("client")) {
                calls.put(command, Long.parseLong(value.split(",")[0].replace("calls=", "")));
            }
        });
        return calls;
    }

    /** The calls made between two readings of {@link #calls}, commands with none left out. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> made = new TreeMap<>();
        after.forEach((command, count) -> {
            long delta = count - before.getOrDefault(command, 0L);
            if (delta > 0) {
                made.put(command, delta);
            }
        });
        return made;
    }
}
