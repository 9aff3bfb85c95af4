package dev.jrq.core;

import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redisson.client.codec.StringCodec;

/**
 * What a scheduler process does to RQ's data: take and keep a queue's scheduler lock
 * ({@code rq:scheduler-lock:<q>}, RQ's, holding the PID, with an expiry), and move the queue's due scheduled jobs
 * from {@code rq:scheduled:<q>} to {@code rq:queue:<q>} in one atomic script, so a job is enqueued once, never
 * twice and never dropped, whichever schedulers (JRQ's or RQ's) run.
 *
 * <pre>{@code
 * SchedulerStore store = SchedulerStore.of(client);
 * if (store.holdLock("default", "sched-1", ProcessHandle.current().pid(), Duration.ofSeconds(15))) {
 *     DueJobs pass = store.moveDue("default", 1000);
 * }
 * }</pre>
 */
public final class SchedulerStore {
    private final JrqClient client;

    private SchedulerStore(JrqClient client) {
        this.client = client;
    }

    public static SchedulerStore of(JrqClient client) {
        return new SchedulerStore(client);
    }

    /**
     * The outcome of one pass over a queue's scheduled jobs.
     *
     * @param moved   the jobs this pass put on the queue
     * @param nextDue when the next scheduled job is due, {@code null} when none is left
     * @param more    whether more were due than the pass took (run another at once)
     */
    public record DueJobs(List<MovedJob> moved, Instant nextDue, boolean more) {
        public DueJobs {
            moved = List.copyOf(moved);
        }
    }

    /**
     * Takes the queue's scheduler lock, or renews it when this scheduler holds it. One round trip.
     *
     * @param owner this scheduler's unique name
     * @param pid   this process's id (RQ's lock value)
     * @param ttl   how long the lock outlives its holder
     * @return whether this scheduler holds the lock now
     */
    public boolean holdLock(String queue, String owner, long pid, Duration ttl) {
        return client.scripts().runForLong(LuaScript.HOLD_SCHEDULER_LOCK, lockKeys(queue), pid, owner,
                Math.max(1, ttl.toMillis())) == 1;
    }

    /** Lets go of the queue's lock when this scheduler holds it; returns whether it did. */
    public boolean releaseLock(String queue, String owner, long pid) {
        return client.scripts().runForLong(LuaScript.RELEASE_SCHEDULER_LOCK, lockKeys(queue), pid, owner) == 1;
    }

    /**
     * Who holds the queue's scheduler lock: a JRQ scheduler's name, or {@code pid <n>} for one that wrote only RQ's
     * lock (a Python {@code rq worker --with-scheduler}); empty when nobody does.
     */
    public Optional<String> lockHolder(String queue) {
        String pid = client.redis().<String>getBucket(RqKeys.schedulerLock(queue), StringCodec.INSTANCE).get();
        if (pid == null) {
            return Optional.empty();
        }
        String owner = client.redis().<String>getBucket(RqKeys.schedulerLockOwner(queue), StringCodec.INSTANCE).get();
        return Optional.of(owner != null ? owner : "pid " + pid);
    }

    /**
     * Moves the queue's due jobs (due time &lt;= now, by the client's clock, in whole seconds as RQ compares) to the
     * queue, at most {@code limit}. One round trip when none is due, two otherwise.
     */
    public DueJobs moveDue(String queue, int limit) {
        Instant now = client.clock().instant();
        List<byte[]> peek = client.scripts().runForList(LuaScript.PEEK_SCHEDULED, List.of(RqKeys.scheduled(queue)),
                RqTime.epochSeconds(now), limit);
        Instant nextDue = seconds(text(peek.get(0)));
        if (peek.size() == 1) {
            return new DueJobs(List.of(), nextDue, false);
        }
        List<String> ids = new ArrayList<>();
        List<Instant> dueTimes = new ArrayList<>();
        for (int i = 1; i + 1 < peek.size(); i += 2) {
            ids.add(text(peek.get(i)));
            dueTimes.add(seconds(text(peek.get(i + 1))));
        }
        List<String> keys = new ArrayList<>(List.of(RqKeys.scheduled(queue), RqKeys.queue(queue), RqKeys.QUEUES));
        ids.forEach(id -> keys.add(RqKeys.job(id)));
        List<Object> args = new ArrayList<>(List.of(RqKeys.queue(queue), RqTime.format(now)));
        args.addAll(ids);
        List<Object> flags = client.scripts().runForObjects(LuaScript.MOVE_DUE, keys, args.toArray());
        List<MovedJob> moved = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (Long.valueOf(1).equals(flags.get(i))) {
                moved.add(new MovedJob(ids.get(i), queue, dueTimes.get(i), now));
            }
        }
        return new DueJobs(moved, nextDue, ids.size() == limit);
    }

    private static List<String> lockKeys(String queue) {
        return List.of(RqKeys.schedulerLock(queue), RqKeys.schedulerLockOwner(queue));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A score as Redis returns it ({@code "1795852297"}), as an instant; {@code null} for an empty one. */
    private static Instant seconds(String score) {
        if (score.isEmpty()) {
            return null;
        }
        return Instant.ofEpochMilli((long) (Double.parseDouble(score) * 1000));
    }
}
