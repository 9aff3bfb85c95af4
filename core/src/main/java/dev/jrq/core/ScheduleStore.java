package dev.jrq.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jrq.core.internal.LuaScript;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring schedules in Redis, under JRQ's own keys (RQ 1.13 has none): {@code jrq:schedules} (set of names),
 * {@code jrq:schedule:<name>} (hash: {@code definition} JSON, {@code paused}, {@code next_run} and
 * {@code last_run} in epoch ms, {@code last_job_id}, {@code runs}), and {@code jrq:schedules:next} (sorted set of
 * active schedules by next run). Registration validates the cron expression and time zone; firing a tick is one
 * compare-and-set script, so each tick is enqueued once however many schedulers race for it.
 *
 * <pre>{@code
 * ScheduleStore schedules = ScheduleStore.of(client);
 * schedules.save(Schedule.of("digest", "mail", ScheduleTrigger.cron("0 8 * * *", "Europe/Paris"),
 *         JobRequest.of("mail.digest")));
 * schedules.pause("digest");
 * }</pre>
 */
public final class ScheduleStore {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** What {@link #save(Schedule)} did. */
    public enum Saved {
        /** A new schedule; its first run is computed from now. */
        CREATED,
        /** An existing schedule with a different definition; its next run is computed from now. */
        CHANGED,
        /** The same definition was stored already: nothing changed, its next run and paused state are kept. */
        UNCHANGED
    }

    private final JrqClient client;

    private ScheduleStore(JrqClient client) {
        this.client = client;
    }

    public static ScheduleStore of(JrqClient client) {
        return new ScheduleStore(client);
    }

    /** Registers a schedule, or changes the one of the same name. One round trip. */
    public Saved save(Schedule schedule) {
        Instant now = client.clock().instant();
        Instant next = schedule.trigger().next(null, now);
        long outcome = client.scripts().runForLong(LuaScript.SAVE_SCHEDULE, keys(schedule.name()), schedule.name(),
                encode(schedule), next.toEpochMilli(), RqTime.format(now));
        return outcome == 0 ? Saved.UNCHANGED : outcome == 1 ? Saved.CREATED : Saved.CHANGED;
    }

    /** The schedule named {@code name}, if there is one. */
    public Optional<ScheduleInfo> find(String name) {
        Map<String, String> hash = hash(name);
        return hash.isEmpty() ? Optional.empty() : Optional.of(decode(name, hash));
    }

    /** @throws NoSuchScheduleException when there is no schedule of that name */
    public ScheduleInfo get(String name) {
        return find(name).orElseThrow(() -> new NoSuchScheduleException(name));
    }

    /** Every schedule, by name. */
    public List<ScheduleInfo> list() {
        List<ScheduleInfo> all = new ArrayList<>();
        for (String name : new TreeSet<>(client.redis().<String>getSet(RqKeys.SCHEDULES, StringCodec.INSTANCE)
                .readAll())) {
            find(name).ifPresent(all::add);
        }
        return all;
    }

    /**
     * Pauses a schedule: no tick fires until it is resumed.
     *
     * @return whether it changed (false when already paused)
     * @throws NoSuchScheduleException when there is no schedule of that name
     */
    public boolean pause(String name) {
        return setPaused(name, true, 0);
    }

    /**
     * Resumes a paused schedule from now on: ticks that fell while it was paused are skipped.
     *
     * @return whether it changed (false when it was not paused)
     * @throws NoSuchScheduleException when there is no schedule of that name
     */
    public boolean resume(String name) {
        ScheduleInfo info = get(name);
        Instant now = client.clock().instant();
        return setPaused(name, false, info.schedule().trigger().next(info.lastRun(), now).toEpochMilli());
    }

    /** Removes a schedule (the jobs it enqueued stay); returns whether it existed. */
    public boolean remove(String name) {
        return client.scripts().runForLong(LuaScript.REMOVE_SCHEDULE, keys(name), name) == 1;
    }

    /** Active schedules whose next run has come (by the client's clock), at most {@code limit}. */
    public List<ScheduleInfo> due(int limit) {
        long now = client.clock().instant().toEpochMilli();
        List<ScheduleInfo> due = new ArrayList<>();
        for (String name : next().valueRange(Double.NEGATIVE_INFINITY, true, now, true, 0, limit)) {
            try {
                // why: read after another scheduler fired it, the schedule already holds its next, future tick
                find(name).filter(info -> !info.paused() && info.nextRun().toEpochMilli() <= now).ifPresent(due::add);
            } catch (IllegalArgumentException e) {
                LOG.warn("schedule {} is stored with a definition JRQ cannot read, skipped: {}", name, e.getMessage());
            }
        }
        return due;
    }

    /** When the earliest active schedule fires next, if any. */
    public Optional<Instant> nextDue() {
        ScoredEntry<String> first = next().firstEntry();
        return first == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(first.getScore().longValue()));
    }

    /**
     * Enqueues the tick {@code info.nextRun()} of a due schedule and advances it past now, in one script. Returns
     * the tick when this call enqueued it, empty when another scheduler had fired it already (or it was paused or
     * removed meanwhile). One round trip.
     */
    public Optional<FiredTick> fire(ScheduleInfo info) {
        Schedule schedule = info.schedule();
        Instant tick = info.nextRun();
        Instant now = client.clock().instant();
        Instant next = schedule.trigger().next(tick, now);
        String jobId = schedule.jobIdFor(tick.getEpochSecond());
        String firedAt = RqTime.format(now);
        List<Object> args = new ArrayList<>(List.of(schedule.name(), tick.toEpochMilli(), next.toEpochMilli(),
                RqKeys.queue(schedule.queue()), schedule.queue(), firedAt, now.toEpochMilli()));
        args.add(client.codec().packQueuedJob(jobId, true, schedule.job(), firedAt));
        List<String> keys = List.of(RqKeys.schedule(schedule.name()), RqKeys.SCHEDULES_NEXT, RqKeys.QUEUES,
                RqKeys.job(jobId), RqKeys.queue(schedule.queue()));
        if (client.scripts().runForLong(LuaScript.FIRE_SCHEDULE, keys, args.toArray()) != 1) {
            return Optional.empty();
        }
        return Optional.of(new FiredTick(schedule.name(), schedule.queue(), jobId, tick, now));
    }

    private boolean setPaused(String name, boolean paused, long nextRun) {
        long outcome = client.scripts().runForLong(LuaScript.SET_SCHEDULE_PAUSED,
                List.of(RqKeys.schedule(name), RqKeys.SCHEDULES_NEXT), name, paused ? "1" : "0", nextRun);
        if (outcome < 0) {
            throw new NoSuchScheduleException(name);
        }
        return outcome == 1;
    }

    private Map<String, String> hash(String name) {
        return client.redis().<String, String>getMap(RqKeys.schedule(name), StringCodec.INSTANCE).readAllMap();
    }

    private RScoredSortedSet<String> next() {
        return client.redis().getScoredSortedSet(RqKeys.SCHEDULES_NEXT, StringCodec.INSTANCE);
    }

    private static List<String> keys(String name) {
        return List.of(RqKeys.schedule(name), RqKeys.SCHEDULES_NEXT, RqKeys.SCHEDULES);
    }

    private static String encode(Schedule schedule) {
        try {
            return JSON.writeValueAsString(schedule.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schedule " + schedule.name() + ": its arguments have no JSON form: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static ScheduleInfo decode(String name, Map<String, String> hash) {
        Map<String, Object> definition;
        try {
            definition = JSON.readValue(hash.getOrDefault("definition", "{}"), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schedule " + name + ": stored definition is not JSON", e);
        }
        return new ScheduleInfo(Schedule.fromMap(definition), "1".equals(hash.get("paused")),
                millis(hash.get("next_run")), hash.containsKey("last_run") ? millis(hash.get("last_run")) : null,
                hash.get("last_job_id"), Long.parseLong(hash.getOrDefault("runs", "0")));
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(Long.parseLong(text));
    }
}
