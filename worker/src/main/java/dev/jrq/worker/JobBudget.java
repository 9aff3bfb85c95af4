package dev.jrq.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many more jobs the worker may take, shared by its slots (RQ's {@code --max-jobs}): a slot reserves as
 * many as it takes at once and gives it back when there was none, so the slots together never take more.
 */
final class JobBudget {
    private final AtomicInteger remaining;

    /** A budget of {@code maxJobs} jobs; 0 for no limit. */
    JobBudget(int maxJobs) {
        this.remaining = maxJobs == 0 ? null : new AtomicInteger(maxJobs);
    }

    /** Reserves one job; false when the budget is spent. */
    boolean reserve() {
        return reserveUpTo(1) == 1;
    }

    /** Reserves up to {@code wanted} jobs; returns how many it reserved, 0 when the budget is spent. */
    int reserveUpTo(int wanted) {
        if (remaining == null) {
            return wanted;
        }
        while (true) {
            int left = remaining.get();
            int granted = Math.min(left, wanted);
            if (granted == 0 || remaining.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    /** Gives back reservations that took no job. */
    void release(int unused) {
        if (remaining != null && unused > 0) {
            remaining.addAndGet(unused);
        }
    }
}
