package dev.jrq.core.testing;

import dev.jrq.core.JrqClient;
import dev.jrq.core.JsonSerializer;
import dev.jrq.core.RedisConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The Redis a test talks to: its URL, fresh {@link JrqClient}s (closed after the test), raw access for
 * assertions on what is stored, and stop/restart for fault tests.
 */
public final class TestRedis {
    private final String url;
    private final RedisProcess process;
    private final RedissonClient raw;
    private final List<JrqClient> clients = new ArrayList<>();

    TestRedis(String url, RedisProcess process) {
        this.url = url;
        this.process = process;
        Config config = new Config();
        config.useSingleServer().setAddress(url.replaceFirst("/\\d+$", "")).setConnectionMinimumIdleSize(1);
        this.raw = Redisson.create(config);
    }

    public String url() {
        return url;
    }

    /** A new client on this Redis, closed when the test ends. */
    public synchronized JrqClient newClient() {
        JrqClient client = JrqClient.connect(RedisConfig.fromUrl(url));
        clients.add(client);
        return client;
    }

    /** A new client on this Redis whose time comes from {@code clock} (e.g. a {@link MutableClock}). */
    public synchronized JrqClient newClient(Clock clock) {
        JrqClient client = JrqClient.connect(RedisConfig.fromUrl(url), new JsonSerializer(), clock);
        clients.add(client);
        return client;
    }

    /**
     * How many connections are blocked in a command now ({@code BLPOP}, {@code XREAD BLOCK}...), from
     * {@code INFO clients}: lets a test wait until another thread is really waiting before it acts.
     */
    public int blockedClients() {
        java.util.Map<String, String> info = raw.getRedisNodes(RedisNodes.SINGLE).getInstance()
                .info(RedisNode.InfoSection.CLIENTS);
        return Integer.parseInt(info.getOrDefault("blocked_clients", "0").trim());
    }

    /** How many times Redis has run a command since it started, from {@code INFO commandstats} (0 if never). */
    public long commandCalls(String command) {
        java.util.Map<String, String> stats = raw.getRedisNodes(RedisNodes.SINGLE).getInstance()
                .info(RedisNode.InfoSection.COMMANDSTATS);
        String line = stats.get("cmdstat_" + command.toLowerCase(java.util.Locale.ROOT));
        return line == null ? 0 : Long.parseLong(line.replaceAll("^calls=(\\d+),.*$", "$1"));
    }

    /** A Redisson client for looking at raw keys (string codec). */
    public RedissonClient raw() {
        return raw;
    }

    /** The fields of a hash, as text. */
    public java.util.Map<String, String> hash(String key) {
        return raw.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
    }

    /** The binary value of one hash field. */
    public byte[] hashBytes(String key, String field) {
        return raw.<String, byte[]>getMap(key, new org.redisson.codec.CompositeCodec(StringCodec.INSTANCE,
                org.redisson.client.codec.ByteArrayCodec.INSTANCE)).get(field);
    }

    /** A member's score in a sorted set as Redis writes it ({@code "1795852795"}, {@code "inf"}), or null. */
    public String zscore(String key, String member) {
        return raw.getScript(StringCodec.INSTANCE).eval(org.redisson.api.RScript.Mode.READ_ONLY,
                "return redis.call('ZSCORE', KEYS[1], ARGV[1])", org.redisson.api.RScript.ReturnType.VALUE,
                List.of(key), member);
    }

    /** Seconds to live of a key: -1 none, -2 missing (as {@code TTL}). */
    public long ttlSeconds(String key) {
        long millis = raw.getKeys().remainTimeToLive(key);
        return millis < 0 ? millis : Math.round(millis / 1000.0);
    }

    /** Stops the server (a crash); only for a private server, not one given by {@code JRQ_TEST_REDIS_URL}. */
    public void stopServer() {
        requireProcess().stop();
    }

    /** Starts the server again on the same port. */
    public void startServer() {
        requireProcess().startAgain();
    }

    void flush() {
        raw.getKeys().flushall();
    }

    synchronized void closeClients() {
        clients.forEach(JrqClient::close);
        clients.clear();
    }

    private RedisProcess requireProcess() {
        if (process == null) {
            throw new IllegalStateException("the Redis at " + url + " was given by JRQ_TEST_REDIS_URL; "
                    + "a test cannot stop it");
        }
        return process;
    }
}
