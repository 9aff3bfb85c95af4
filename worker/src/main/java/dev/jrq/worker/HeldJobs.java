package dev.jrq.worker;

import dev.jrq.core.ClaimedJob;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a slot holds between its calls to Redis: jobs it took ahead (started for it, not run yet) and successes it
 * has not written yet. A slot running short jobs takes several per call and writes their successes with its next
 * take, so that one call serves many jobs; how many it takes follows how long its jobs run, so that what it holds
 * is about {@link #AHEAD_WINDOW} of work, and a slot whose jobs take longer takes one at a time (as RQ does).
 *
 * <p>Thread-safe: the slot uses it, and the worker's sweeper writes successes that a long job would otherwise hold
 * back, and gives back the jobs taken ahead of a slot that is stopped cold or abandoned.
 */
final class HeldJobs {
    /** The most jobs a slot takes ahead in one call. */
    static final int MAX_AHEAD = 32;
    /** About how much work a slot takes ahead. */
    static final Duration AHEAD_WINDOW = Duration.ofMillis(2);
    /** why: weighs the last jobs most, so a slot whose jobs turn slow takes one at a time within a few jobs. */
    private static final double RECENT_WEIGHT = 0.25;

    private final Deque<ClaimedJob> ahead = new ArrayDeque<>();
    private final List<PendingSuccess> successes = new ArrayList<>();
    private double averageRunNanos = -1;

    /** The next job taken ahead, {@code null} when there is none. */
    synchronized ClaimedJob nextAhead() {
        return ahead.pollFirst();
    }

    /** Puts back a job taken from {@link #nextAhead()} that did not run, to be the next again. */
    synchronized void returnAhead(ClaimedJob job) {
        ahead.addFirst(job);
    }

    synchronized void addAhead(List<ClaimedJob> jobs) {
        ahead.addAll(jobs);
    }

    /** Takes every job taken ahead, in the order taken, leaving none. */
    synchronized List<ClaimedJob> takeAhead() {
        List<ClaimedJob> jobs = new ArrayList<>(ahead);
        ahead.clear();
        return jobs;
    }

    synchronized void addSuccess(PendingSuccess success) {
        successes.add(success);
    }

    synchronized boolean hasSuccesses() {
        return !successes.isEmpty();
    }

    /** Takes every success not written yet, leaving none. */
    synchronized List<PendingSuccess> takeSuccesses() {
        List<PendingSuccess> taken = new ArrayList<>(successes);
        successes.clear();
        return taken;
    }

    /**
     * Takes the successes held for {@code age} or longer whose jobs have no success callback (a callback runs on
     * the slot's thread, which writes such a success at once).
     */
    synchronized List<PendingSuccess> takeSuccessesOlderThan(Duration age) {
        long before = System.nanoTime() - age.toNanos();
        List<PendingSuccess> taken = new ArrayList<>();
        successes.removeIf(success -> {
            boolean stale = !success.hasCallback() && success.endedNanos() - before <= 0;
            if (stale) {
                taken.add(success);
            }
            return stale;
        });
        return taken;
    }

    /** Puts back successes a write could not store, to be written with the next call. */
    synchronized void returnSuccesses(List<PendingSuccess> unwritten) {
        successes.addAll(0, unwritten);
    }

    /** Counts how long a job ran, for {@link #aheadTarget()}. */
    synchronized void ran(Duration took) {
        double nanos = took.toNanos();
        averageRunNanos = averageRunNanos < 0 ? nanos : averageRunNanos + RECENT_WEIGHT * (nanos - averageRunNanos);
    }

    /**
     * How many jobs to take in the next call: as many as fit in {@link #AHEAD_WINDOW} at the recent run time, from
     * 1 (before any job ran, or when jobs take longer) to {@link #MAX_AHEAD}.
     */
    synchronized int aheadTarget() {
        if (averageRunNanos < 0) {
            return 1;
        }
        double fit = AHEAD_WINDOW.toNanos() / Math.max(averageRunNanos, 1.0);
        return (int) Math.max(1, Math.min(MAX_AHEAD, fit));
    }
}
