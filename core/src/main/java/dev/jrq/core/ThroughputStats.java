package dev.jrq.core;

import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.client.codec.StringCodec;

/**
 * Jobs finished and failed over time, from the totals of {@code jrq:stats} (which JRQ workers' finish scripts
 * increment atomically with each outcome) and a small, bounded history of samples under {@code jrq:}: one entry per
 * minute kept {@link #MINUTE_RETENTION}, one per hour kept {@link #HOUR_RETENTION}, each the cumulative totals at
 * the moment of sampling.
 *
 * <p>Whoever calls {@link #sample()} first in a minute writes its entry (atomically: several dashboards never write
 * a bucket twice); a dashboard samples while it runs. While nothing samples (no dashboard running), nothing is
 * written, and no job is lost either: the totals keep counting, so when sampling resumes the jobs of the gap are
 * spread evenly over the buckets of the gap (the total is right, the shape inside the gap is not known). Buckets
 * older than the first entry have no point.
 *
 * <pre>{@code
 * ThroughputStats stats = client.throughput();
 * stats.sample();                                                          // once a minute or more often
 * List<ThroughputPoint> lastHour = stats.history(now.minus(Duration.ofHours(1)), now, Duration.ofMinutes(1));
 * }</pre>
 */
public final class ThroughputStats {
    public static final Duration MINUTE_RETENTION = Duration.ofHours(24);
    public static final Duration HOUR_RETENTION = Duration.ofDays(30);

    private final JrqClient client;

    ThroughputStats(JrqClient client) {
        this.client = client;
    }

    /** The totals now, with their per-queue fields ({@code finished:<q>}, {@code failed:<q>}): one {@code HGETALL}. */
    public ThroughputTotals totals() {
        Map<String, String> hash = client.redis().<String, String>getMap(RqKeys.JRQ_STATS, StringCodec.INSTANCE)
                .readAllMap();
        Map<String, Long> finished = new HashMap<>();
        Map<String, Long> failed = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith("finished:")) {
                finished.put(field.substring("finished:".length()), parse(value));
            } else if (field.startsWith("failed:")) {
                failed.put(field.substring("failed:".length()), parse(value));
            }
        });
        return new ThroughputTotals(parse(hash.get("finished")), parse(hash.get("failed")), finished, failed);
    }

    /**
     * Writes the history entries of the current minute and hour unless another sampler has: one script call.
     *
     * @return how many entries were written (0, 1 or 2)
     */
    public long sample() {
        return client.scripts().runForLong(LuaScript.SAMPLE_THROUGHPUT,
                List.of(RqKeys.JRQ_STATS, RqKeys.THROUGHPUT_MINUTES, RqKeys.THROUGHPUT_HOURS),
                client.clock().instant().getEpochSecond(), MINUTE_RETENTION.toSeconds(), HOUR_RETENTION.toSeconds());
    }

    /**
     * The jobs per bucket of {@code step} from {@code from} to {@code to}, buckets aligned to the step; minute
     * entries serve steps under an hour, hour entries the others. The bucket holding {@code to} counts up to the
     * totals now.
     *
     * @param step a whole number of minutes
     */
    public List<ThroughputPoint> history(Instant from, Instant to, Duration step) {
        long stepSeconds = step.toSeconds();
        if (stepSeconds < 60 || stepSeconds % 60 != 0 || !from.isBefore(to)) {
            throw new IllegalArgumentException("history needs a step of whole minutes and from before to; were "
                    + step + ", " + from + ", " + to);
        }
        String key = stepSeconds < 3600 ? RqKeys.THROUGHPUT_MINUTES : RqKeys.THROUGHPUT_HOURS;
        long margin = stepSeconds < 3600 ? 60 : 3600;
        Collection<String> entries = client.redis().<String>getScoredSortedSet(key, StringCodec.INSTANCE)
                .valueRange(from.getEpochSecond() - stepSeconds - margin, true, Double.POSITIVE_INFINITY, true);
        List<long[]> samples = new ArrayList<>(entries.size() + 1);
        entries.forEach(entry -> samples.add(parseEntry(entry)));
        ThroughputTotals now = totals();
        samples.add(new long[] {client.clock().instant().getEpochSecond(), now.finished(), now.failed()});
        return ThroughputHistory.buckets(samples, from.getEpochSecond(), to.getEpochSecond(), stepSeconds);
    }

    private static long[] parseEntry(String entry) {
        String[] parts = entry.split(":");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
