package dev.jrq.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A recurring schedule as stored now, with its state.
 *
 * <pre>{@code
 * for (ScheduleInfo info : ScheduleStore.of(client).list()) {
 *     System.out.println(info.schedule().name() + " next " + info.nextRuns(3));
 * }
 * }</pre>
 *
 * @param schedule  the definition
 * @param paused    whether it is paused (it fires again once resumed)
 * @param nextRun   the tick it fires next (when resumed, for a paused one a new one is computed)
 * @param lastRun   the last tick fired, or {@code null}
 * @param lastJobId the job the last tick enqueued, or {@code null}
 * @param runs      how many ticks it has fired
 */
public record ScheduleInfo(Schedule schedule, boolean paused, Instant nextRun, Instant lastRun, String lastJobId,
                           long runs) {

    public ScheduleInfo {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(nextRun, "nextRun");
    }

    public String name() {
        return schedule.name();
    }

    /** The next {@code count} ticks, from {@link #nextRun()} on (empty when paused). */
    public List<Instant> nextRuns(int count) {
        List<Instant> runs = new ArrayList<>(count);
        if (paused) {
            return runs;
        }
        Instant tick = nextRun;
        while (runs.size() < count && !Instant.MAX.equals(tick)) {
            runs.add(tick);
            tick = schedule.trigger().next(tick, tick);
        }
        return runs;
    }
}
