package dev.jrq.dashboard;

import dev.jrq.core.ThroughputStats;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loop that reads Redis for live views, shared by every browser tab: a single scheduled thread that, every
 * poll interval, reads the overview and the workers once and hands the result to every listener (the event stream
 * of each connected tab), so ten tabs cost what one costs.
 *
 * <p>It reads only while someone watches: while an event stream is connected, or for a minute after a request for
 * the live throughput. Otherwise it is idle and only samples the throughput history every 15 seconds (one script
 * call that writes nothing when this minute's sample exists), so the hour/day/week charts keep filling while the
 * dashboard runs with no one looking. {@code /metrics} reads Redis at scrape time and does not need the loop.
 */
final class LivePoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePoller.class);
    private static final long DEMAND_HOLD_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final long IDLE_HISTORY_MILLIS = Duration.ofSeconds(15).toMillis();

    private final ReadModel reads;
    private final ThroughputStats throughput;
    private final Clock clock;
    private final long intervalMillis;
    private final LiveThroughput live = new LiveThroughput();
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicLong ticks = new AtomicLong();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jrq-dashboard-poller");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long demandUntil;
    private volatile Update latest;
    private long lastHistoryMillis = Long.MIN_VALUE / 2;
    private long lastHistoryMinute = -1;
    private boolean failing;

    LivePoller(ReadModel reads, ThroughputStats throughput, Clock clock, Duration interval) {
        this.reads = reads;
        this.throughput = throughput;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    void start() {
        executor.scheduleWithFixedDelay(this::tickSafely, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Adds a listener; it gets the latest update at once (a fresh read when the latest is stale). */
    void subscribe(Listener listener) {
        listeners.add(listener);
        executor.execute(() -> {
            Update update = latest;
            if (update != null && clock.millis() - update.readAtMillis() < intervalMillis) {
                deliver(listener, update);
            } else {
                tickSafely();
            }
        });
    }

    void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** Keeps the loop reading for a minute (someone asked for the live throughput). */
    void demand() {
        demandUntil = clock.millis() + DEMAND_HOLD_MILLIS;
    }

    /** How many times the loop has read Redis for the live views. */
    long ticks() {
        return ticks.get();
    }

    int listenerCount() {
        return listeners.size();
    }

    List<LiveThroughput.Point> livePoints() {
        return live.points();
    }

    private void tickSafely() {
        try {
            tick();
            if (failing) {
                LOG.info("Reading Redis works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Reading Redis failed, retrying every {} ms: {}", intervalMillis, e.toString());
                failing = true;
            }
        }
    }

    private void tick() {
        long now = clock.millis();
        if (listeners.isEmpty() && now > demandUntil) {
            if (now - lastHistoryMillis >= IDLE_HISTORY_MILLIS) {
                sampleHistory(now);
            }
            return;
        }
        ticks.incrementAndGet();
        ReadModel.Snapshot snapshot = reads.read();
        LiveThroughput.Point point = live.record(now, snapshot.overview().finishedTotal(),
                snapshot.overview().failedTotal());
        if (now / 60_000 != lastHistoryMinute) {
            sampleHistory(now);
        }
        Update update = new Update(now, Json.write(reads.overviewView(snapshot)),
                Json.write(Views.overview(snapshot.overview(), snapshot.workers(), reads.readOnly(), null)),
                Json.write(reads.workersView(snapshot)),
                Json.write(Views.workers(snapshot.workers(), snapshot.currentJobs(), snapshot.overview().suspended(),
                        null)),
                point == null ? null : Json.write(point.view()));
        latest = update;
        listeners.forEach(listener -> deliver(listener, update));
    }

    private void sampleHistory(long now) {
        throughput.sample();
        lastHistoryMillis = now;
        lastHistoryMinute = now / 60_000;
    }

    private void deliver(Listener listener, Update update) {
        try {
            listener.update(update);
        } catch (RuntimeException e) {
            LOG.debug("Dropping an event listener: {}", e.toString());
            listeners.remove(listener);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gets each update of the loop, on the loop's thread. */
    interface Listener {
        void update(Update update);
    }

    /**
     * One read, as JSON: each view with its serverTime or running times ({@code overview}, {@code workers}) and
     * without them ({@code overviewKey}, {@code workersKey}, to tell real changes), and the newest live point
     * ({@code null} on the first read).
     */
    record Update(long readAtMillis, String overview, String overviewKey, String workers, String workersKey,
                  String throughput) {
    }
}
