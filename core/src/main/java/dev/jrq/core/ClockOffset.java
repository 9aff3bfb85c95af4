package dev.jrq.core;

import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqTime;
import java.time.Duration;
import java.util.List;

/**
 * How far the client's clock is from Redis's, measured at least once a minute: an idle slot's start is stamped with
 * Redis's clock the moment its wait returns (dequeue_handoff.lua) and moved onto the client's clock by this offset,
 * so that the client's clock stays the one that stamps and leases every job. Accurate to half the measuring round
 * trip (the shortest of three is kept). A worker's timer {@linkplain #refresh() refreshes} it every half minute;
 * only when none did for a minute does a slot's wait measure it on its way.
 *
 * <p>why: before, each wait sent a note of when it began (a script call more per idle pickup) so that Redis could
 * tell how long the slot waited; see docs/performance.md, change 36.
 */
final class ClockOffset {
    /** How old a measure may be when a wait uses it. */
    private static final Duration REFRESH = Duration.ofMinutes(1);
    /** How old a measure may be before {@link #refresh()} takes a new one: well inside {@link #REFRESH}. */
    private static final Duration TIMER_REFRESH = REFRESH.dividedBy(2);
    private static final int SAMPLES = 3;

    private final JrqClient client;
    /** The last measure; {@code null} until the first. */
    private volatile Measure last;

    /** An offset and when it was measured ({@link System#nanoTime()}). */
    private record Measure(long clientMinusRedisMicros, long atNanos) {
        boolean youngerThan(Duration age) {
            return System.nanoTime() - atNanos <= age.toNanos();
        }
    }

    ClockOffset(JrqClient client) {
        this.client = client;
    }

    /** The client's clock minus Redis's, in microseconds; measured first when the last measure is a minute old. */
    long clientMinusRedisMicros() {
        return younger(REFRESH).clientMinusRedisMicros();
    }

    /** Measures again (three round trips) when the last measure is half a minute old; for a timer to call. */
    void refresh() {
        younger(TIMER_REFRESH);
    }

    /** The last measure when it is younger than {@code maxAge}, else a new one. */
    private Measure younger(Duration maxAge) {
        Measure measure = last;
        return measure != null && measure.youngerThan(maxAge) ? measure : measure(maxAge);
    }

    private synchronized Measure measure(Duration maxAge) {
        Measure measure = last;
        if (measure != null && measure.youngerThan(maxAge)) {
            return measure; // why: another thread measured while this one waited for the lock
        }
        long shortestTrip = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long before = RqTime.epochMicros(client.clock().instant());
            long redis = Long.parseLong(client.scripts().runForString(LuaScript.REDIS_TIME, List.of()));
            long after = RqTime.epochMicros(client.clock().instant());
            if (after - before < shortestTrip) {
                shortestTrip = after - before;
                offset = before + (after - before) / 2 - redis;
            }
        }
        last = new Measure(offset, System.nanoTime());
        return last;
    }
}
