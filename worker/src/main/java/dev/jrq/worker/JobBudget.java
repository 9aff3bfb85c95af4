package dev.jrq.worker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many more jobs the worker may take, shared by its slots (RQ's {@code --max-jobs}): a slot reserves one
 * before it takes a job and gives it back when there was none, so the slots together never take more.
 */
final class JobBudget {
    private final AtomicInteger remaining;

    /** A budget of {@code maxJobs} jobs; 0 for no limit. */
    JobBudget(int maxJobs) {
        this.remaining = maxJobs == 0 ? null : new AtomicInteger(maxJobs);
    }

    /** Reserves one job; false when the budget is spent. */
    boolean reserve() {
        if (remaining == null) {
            return true;
        }
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** Gives back a reservation that took no job. */
    void release() {
        if (remaining != null) {
            remaining.incrementAndGet();
        }
    }
}
