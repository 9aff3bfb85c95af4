package dev.jrq.core;

import dev.jrq.api.ConfigurationException;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.TransportMode;

/**
 * Where Redis is: a URL ({@code redis://[user:password@]host[:port][/db]}, {@code rediss://} for TLS) or a
 * Redisson YAML file (Sentinel, replicas, TLS settings; not Redis Cluster, see {@link #fromYaml}).
 *
 * <pre>{@code
 * RedisConfig config = RedisConfig.fromUrl("redis://:secret@127.0.0.1:6379/2");
 * }</pre>
 */
public final class RedisConfig {
    /** Where JRQ looks for Redis when told nothing. */
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** The environment variable that overrides {@link #DEFAULT_URL}. */
    public static final String URL_VARIABLE = "JRQ_REDIS_URL";
    private static final String CLUSTER_UNSUPPORTED = "Redis Cluster is not supported: RQ's layout spreads one job's "
            + "keys over hash slots and JRQ changes them in one script; use a single primary with replicas or Sentinel";

    private final String description;
    private final Config config;

    private RedisConfig(String description, Config config) {
        this.description = description;
        this.config = config;
    }

    /** The URL in {@code JRQ_REDIS_URL}, else {@link #DEFAULT_URL}. */
    public static RedisConfig fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        return fromUrl(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /**
     * The Redis server at a URL.
     *
     * @throws ConfigurationException when the URL is malformed, saying what is expected
     */
    public static RedisConfig fromUrl(String url) {
        URI uri = parse(url);
        Config config = baseConfig();
        SingleServerConfig server = config.useSingleServer()
                .setAddress(uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()))
                .setDatabase(database(url, uri))
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(64)
                .setSubscriptionConnectionMinimumIdleSize(0);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
            String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            if (user != null && !user.isEmpty()) {
                server.setUsername(user);
            }
            server.setPassword(password);
        }
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        return new RedisConfig(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/" + database(url, uri), config);
    }

    /**
     * A Redisson YAML configuration file.
     *
     * @throws ConfigurationException when the file cannot be read or is not Redisson's YAML, or when it
     *         configures Redis Cluster ({@code clusterServersConfig}), whose hash slots JRQ's scripts cannot span
     */
    public static RedisConfig fromYaml(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigurationException("cannot read the Redis configuration file " + file.toAbsolutePath());
        }
        Config config = readYaml(file);
        if (config.isClusterConfig()) {
            // why: Redis refuses a script whose keys are in different hash slots (CROSSSLOT), and every job
            // operation is one; connecting would succeed and the first enqueue would fail.
            throw new ConfigurationException("the Redis configuration file " + file + " uses clusterServersConfig. "
                    + CLUSTER_UNSUPPORTED);
        }
        config.setUseScriptCache(true);
        config.setReferenceEnabled(false);
        return new RedisConfig("Redisson configuration " + file, config);
    }

    private static Config readYaml(Path file) {
        try {
            return Config.fromYAML(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("the Redis configuration file " + file + " is not Redisson YAML: "
                    + e.getMessage(), e);
        }
    }

    /** Where this points, without the password, e.g. {@code redis://127.0.0.1:6379/0}. */
    public String description() {
        return description;
    }

    /**
     * This configuration with at least {@code connections} pooled connections (for a single server URL; a YAML
     * file keeps its own settings). A worker asks for one per slot plus spare ones, so that slots waiting in
     * {@code BLPOP} can never starve its heartbeat, reaper or finishes.
     */
    public RedisConfig withMinimumPoolSize(int connections) {
        Config copy = new Config(config);
        if (copy.isSingleConfig() && copy.useSingleServer().getConnectionPoolSize() < connections) {
            copy.useSingleServer().setConnectionPoolSize(connections);
        }
        return new RedisConfig(description, copy);
    }

    Config redissonConfig() {
        return new Config(config);
    }

    @Override
    public String toString() {
        return description;
    }

    private static Config baseConfig() {
        Config config = new Config();
        config.setUseScriptCache(true);
        // why: JRQ stores no Redisson objects inside values; reference checks cost time on every argument
        config.setReferenceEnabled(false);
        config.setThreads(2);
        config.setNettyThreads(4);
        config.setTransportMode(fastestTransport());
        return config;
    }

    /**
     * Netty's native epoll transport where it loads (Linux on x86-64, whose native library JRQ ships), else Java's
     * selector. Why: each call to Redis crosses to Redisson's I/O thread and back, and epoll makes fewer system
     * calls per crossing: one-by-one enqueue was 7-39 % faster with it in each of six paired runs
     * (docs/performance.md, change 24).
     */
    static TransportMode fastestTransport() {
        try {
            return Epoll.isAvailable() ? TransportMode.EPOLL : TransportMode.NIO;
        } catch (LinkageError e) {
            // why: an application that packs its own jar may leave Netty's epoll classes out; NIO needs none
            return TransportMode.NIO;
        }
    }

    private static URI parse(String url) {
        String expected = "expected redis://[user:password@]host[:port][/db] or rediss://...";
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("no Redis URL given; " + expected);
        }
        try {
            URI uri = new URI(url.trim());
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new ConfigurationException("bad Redis URL '" + url + "': scheme must be redis or rediss; "
                        + expected);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new ConfigurationException("bad Redis URL '" + url + "': no host; " + expected);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException("bad Redis URL '" + url + "': " + e.getReason() + "; " + expected, e);
        }
    }

    private static int database(String url, URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || "/".equals(path)) {
            return 0;
        }
        try {
            int db = Integer.parseInt(path.substring(1));
            if (db < 0) {
                throw new NumberFormatException();
            }
            return db;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("bad Redis URL '" + url + "': the database '" + path.substring(1)
                    + "' is not a number; expected redis://host:port/db with db >= 0");
        }
    }

    private static String decode(String text) {
        // why: URLDecoder is for forms and turns '+' into a space; in a URL's user info '+' is itself (redis-py).
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
