package dev.jrq.cli;

import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where Redis is, for every {@code jrq} command: the same {@code --url} and {@code --redis-config} as the worker's
 * and the scheduler's, else {@code $JRQ_REDIS_URL}, else {@value RedisConfig#DEFAULT_URL}.
 */
final class RedisOptions {
    @Option(names = {"-u", "--url"}, paramLabel = "URL",
            description = "Redis URL, redis://[user:password@]host[:port][/db]; "
                    + "default: $JRQ_REDIS_URL, else " + RedisConfig.DEFAULT_URL)
    String url;

    @Option(names = "--redis-config", paramLabel = "FILE",
            description = "Redisson YAML file (Sentinel, replicas, TLS; not Cluster).")
    Path redisConfig;

    /** Where to connect, as the options say. */
    RedisConfig config() {
        if (redisConfig != null) {
            return RedisConfig.fromYaml(redisConfig);
        }
        return url != null ? RedisConfig.fromUrl(url) : RedisConfig.fromEnvironment();
    }

    /** A client on that Redis; the caller closes it. */
    JrqClient connect() {
        return JrqClient.connect(config());
    }
}
