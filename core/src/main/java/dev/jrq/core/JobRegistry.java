package dev.jrq.core;

import dev.jrq.core.internal.RqKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * One registry of one queue ({@code rq:finished:default}, ...): counts and pages of job ids, read with Redis'
 * range commands so a registry of a million jobs pages as fast as one of ten.
 *
 * <pre>{@code
 * JobRegistry failed = client.queue("default").registry(RegistryType.FAILED);
 * List<String> newest = failed.jobIds(0, 20);
 * }</pre>
 */
public final class JobRegistry {
    private final RedissonClient redis;
    private final Clock clock;
    private final String queue;
    private final RegistryType type;

    JobRegistry(RedissonClient redis, Clock clock, String queue, RegistryType type) {
        this.redis = redis;
        this.clock = clock;
        this.queue = queue;
        this.type = type;
    }

    public String queue() {
        return queue;
    }

    public RegistryType type() {
        return type;
    }

    /** The number of job ids in the registry ({@code ZCARD}). */
    public long count() {
        return set().size();
    }

    /**
     * A page of job ids, highest score first (newest for finished and failed, latest deadline for started).
     *
     * @param offset how many to skip
     * @param limit  at most how many to return
     */
    public List<String> jobIds(long offset, int limit) {
        checkPage(offset, limit);
        if (limit == 0) {
            return List.of();
        }
        return new ArrayList<>(set().valueRangeReversed((int) offset, (int) (offset + limit - 1)));
    }

    public boolean contains(String jobId) {
        return set().contains(jobId);
    }

    /** The entry's score in epoch seconds ({@code Double.POSITIVE_INFINITY} for never), {@code null} if absent. */
    public Double score(String jobId) {
        // why: Redisson's ZSCORE reply parser fails on Redis' "inf", which a FOREVER result is scored with.
        String score = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "return redis.call('ZSCORE', KEYS[1], ARGV[1])", RScript.ReturnType.VALUE,
                List.of(RqKeys.registry(type.keyPart(), queue)), jobId);
        if (score == null) {
            return null;
        }
        return switch (score) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.valueOf(score);
        };
    }

    /**
     * Drops entries whose expiry has passed, as RQ's {@code cleanup()} does for finished and failed jobs.
     *
     * @return how many were dropped (0 for registries whose scores are not expiry times)
     */
    public long cleanup() {
        if (!type.expires()) {
            return 0;
        }
        return set().removeRangeByScore(0, true, clock.instant().getEpochSecond(), true);
    }

    static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 0 || offset > Integer.MAX_VALUE - (long) limit) {
            throw new IllegalArgumentException("offset and limit must be >= 0 (and fit an int); were "
                    + offset + " and " + limit);
        }
    }

    private RScoredSortedSet<String> set() {
        return redis.getScoredSortedSet(RqKeys.registry(type.keyPart(), queue), StringCodec.INSTANCE);
    }
}
