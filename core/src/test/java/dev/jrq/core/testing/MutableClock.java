package dev.jrq.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that stands still until a test moves it, so that tests check exact times and expiries without
 * sleeping.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T07:51:35Z"));
 * JrqClient client = redis.newClient(clock);
 * clock.advance(Duration.ofSeconds(501)); // every result TTL of 500 s has now passed
 * }</pre>
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    /** Moves the clock forward (or back, with a negative amount). */
    public void advance(Duration amount) {
        now.updateAndGet(instant -> instant.plus(amount));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
