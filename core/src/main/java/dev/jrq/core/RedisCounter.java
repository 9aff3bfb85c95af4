package dev.jrq.core;

import org.redisson.api.RAtomicLong;

/**
 * An integer in a plain Redis string key ({@code INCR}/{@code GET}), readable by any Redis client; the seed's
 * page-visit app counts visits in the key {@code count} with it.
 *
 * <pre>{@code
 * long visits = client.counter("count").increment();
 * }</pre>
 */
public final class RedisCounter {
    private final RAtomicLong value;

    RedisCounter(RAtomicLong value) {
        this.value = value;
    }

    /** Adds one and returns the new value. */
    public long increment() {
        return value.incrementAndGet();
    }

    /** The current value, 0 when the key does not exist. */
    public long get() {
        return value.get();
    }
}
