package dev.jrq.core.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

/**
 * The hot path's way to Redis: script calls ({@code EVALSHA}) written and read by the calling thread on a pooled
 * plain connection ({@link RespConnection}), for a single Redis server reached by {@code redis://}. Through
 * Redisson each call hands the request to a Netty thread and the reply back, two thread wake-ups that cost this
 * 2-core machine about 80 µs of CPU per call; here a call costs one socket write and one read.
 *
 * <p>Everything else (blocking pops, batches, pub/sub, Sentinel, Cluster, TLS) stays on Redisson; so does this
 * path when the configuration is not a plain single server, or when {@code -Djrq.direct=false} turns it off.
 * Nothing is retried here: a call whose connection fails throws Redisson's {@link RedisConnectionException}
 * (or {@link RedisTimeoutException}) and the caller decides, as it does for Redisson's own failures (the scripts
 * are safe to replay). A connection idle for more than a second is checked with a {@code PING} before it is lent,
 * so a restarted Redis costs a reconnect, not a failed call.
 */
public final class DirectRedis implements AutoCloseable {
    /** The system property that turns the direct path off ({@code -Djrq.direct=false}), e.g. to compare. */
    public static final String SWITCH = "jrq.direct";
    private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_IDLE = 64;
    private static final List<byte[]> PING = List.of(RespConnection.bytes("PING"));
    private static final byte[] EVALSHA = RespConnection.bytes("EVALSHA");
    private static final byte[] BLPOP = RespConnection.bytes("BLPOP");

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final String user;
    private final String password;
    private final int database;
    private final ConcurrentLinkedDeque<RespConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    private DirectRedis(String host, int port, SingleServerConfig server) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = Math.max(1000, server.getConnectTimeout());
        // why: Redisson waits timeout per attempt and retries; a script call here gets the same total patience
        this.readTimeoutMillis = Math.max(1000, server.getTimeout()) * (1 + Math.max(0, server.getRetryAttempts()));
        this.user = emptyToNull(server.getUsername());
        this.password = emptyToNull(server.getPassword());
        this.database = server.getDatabase();
    }

    /** The direct path for a Redisson configuration, or {@code null} when it is not a plain single server. */
    public static DirectRedis forConfig(Config config) {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true")) || !config.isSingleConfig()) {
            return null;
        }
        SingleServerConfig server = config.useSingleServer();
        if (server.getAddress() == null || !server.getAddress().startsWith("redis://")) {
            return null;
        }
        URI address = URI.create(server.getAddress());
        if (address.getHost() == null) {
            return null;
        }
        return new DirectRedis(address.getHost(), address.getPort() < 0 ? 6379 : address.getPort(), server);
    }

    /**
     * {@code EVALSHA sha numkeys keys... args...}; one round trip on the calling thread.
     *
     * @param args already encoded as bytes
     * @return the reply: {@code Long}, {@code byte[]}, {@code List<Object>} or {@code null}
     * @throws org.redisson.client.RedisException for an error reply (such as {@code NOSCRIPT})
     */
    public Object evalSha(String sha, Collection<String> keys, Object[] args) {
        List<byte[]> parts = new ArrayList<>(3 + keys.size() + args.length);
        parts.add(EVALSHA);
        parts.add(RespConnection.bytes(sha));
        parts.add(RespConnection.bytes(Integer.toString(keys.size())));
        keys.forEach(key -> parts.add(RespConnection.bytes(key)));
        for (Object arg : args) {
            parts.add((byte[]) arg);
        }
        return send(parts, 0);
    }

    /**
     * {@code BLPOP keys... timeout}: the first element pushed to any of the lists, waiting up to {@code block}
     * (whole milliseconds; Redis 6+ takes fractions of a second). One round trip on the calling thread, which
     * blocks in its own socket read, not in a hand-off to an I/O thread.
     *
     * @return {@code [key, value]} as bytes, or {@code null} when nothing came in time
     */
    @SuppressWarnings("unchecked")
    public List<byte[]> blockingPop(List<String> keys, java.time.Duration block) {
        List<byte[]> parts = new ArrayList<>(keys.size() + 2);
        parts.add(BLPOP);
        keys.forEach(key -> parts.add(RespConnection.bytes(key)));
        long millis = block.toMillis();
        // why: whole seconds as an integer, which every Redis reads; fractions need Redis 6
        parts.add(RespConnection.bytes(millis % 1000 == 0 ? Long.toString(millis / 1000)
                : Double.toString(millis / 1000.0)));
        return (List<byte[]>) (List<?>) send(parts, block.toMillis());
    }

    private Object send(List<byte[]> parts, long blockMillis) {
        RespConnection connection = borrow();
        boolean healthy = false;
        try {
            Object reply = blockMillis > 0 ? connection.callBlocking(parts, blockMillis) : connection.call(parts);
            healthy = true;
            return reply;
        } catch (org.redisson.client.RedisException e) {
            healthy = true; // why: an error reply was read whole; the connection is in step
            throw e;
        } catch (SocketTimeoutException e) {
            throw new RedisTimeoutException("Redis at " + host + ":" + port + " did not answer within "
                    + readTimeoutMillis + " ms");
        } catch (IOException e) {
            throw new RedisConnectionException("lost the connection to Redis at " + host + ":" + port + ": "
                    + e.getMessage(), e);
        } finally {
            if (healthy) {
                release(connection);
            } else {
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        RespConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    private RespConnection borrow() {
        RespConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (connection.idleNanos() < CHECK_AFTER_IDLE_NANOS || answersPing(connection)) {
                return connection;
            }
            connection.close();
        }
        try {
            return RespConnection.open(host, port, connectTimeoutMillis, readTimeoutMillis, user, password, database);
        } catch (IOException e) {
            throw new RedisConnectionException("cannot connect to Redis at " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private void release(RespConnection connection) {
        if (closed || idleCount.incrementAndGet() > MAX_IDLE) {
            idleCount.decrementAndGet();
            connection.close();
            return;
        }
        idle.offerFirst(connection); // why: last in, first out, so a few warm connections do the work
        if (closed && idle.remove(connection)) {
            connection.close();
        }
    }

    private static boolean answersPing(RespConnection connection) {
        try {
            return "PONG".equals(connection.call(PING));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
