package dev.jrq.worker;

import dev.jrq.core.WorkerStore.SlotCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each slot did since the last heartbeat (jobs finished, attempts failed, time spent), so that RQ's
 * per-worker counters cost one batched write per heartbeat instead of three commands per job. A heartbeat takes
 * the counts and gives back those it could not write, so nothing is lost to a failed heartbeat.
 */
final class SlotTallies {
    private final Map<String, Tally> bySlot = new ConcurrentHashMap<>();

    /** Counts an attempt's outcome ({@code finished}, {@code failed}, {@code retried}, {@code stopped}...). */
    void record(String slotName, String ended, Duration took) {
        Tally tally = bySlot.computeIfAbsent(slotName, name -> new Tally());
        synchronized (tally) {
            switch (ended) {
                case "finished" -> tally.successful++;
                case "failed", "retried", "stopped" -> tally.failed++;
                default -> { } // why: a fenced-off outcome was not this slot's to count
            }
            tally.nanos += took.toNanos();
        }
    }

    /** Takes every slot's counts, in the order given, leaving zeros. */
    List<SlotCounts> take(List<String> slotNames) {
        List<SlotCounts> counts = new ArrayList<>(slotNames.size());
        for (String slotName : slotNames) {
            Tally tally = bySlot.get(slotName);
            if (tally == null) {
                counts.add(SlotCounts.NONE);
                continue;
            }
            synchronized (tally) {
                counts.add(new SlotCounts(tally.successful, tally.failed, tally.nanos / 1e9));
                tally.successful = 0;
                tally.failed = 0;
                tally.nanos = 0;
            }
        }
        return counts;
    }

    /** Gives back counts a heartbeat could not write. */
    void giveBack(String slotName, SlotCounts counts) {
        Tally tally = bySlot.computeIfAbsent(slotName, name -> new Tally());
        synchronized (tally) {
            tally.successful += counts.successful();
            tally.failed += counts.failed();
            tally.nanos += Math.round(counts.workingSeconds() * 1e9);
        }
    }

    private static final class Tally {
        private long successful;
        private long failed;
        private long nanos;
    }
}
