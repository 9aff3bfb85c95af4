package dev.jrq.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Heap bytes a JVM's threads allocate from a starting moment on, counted by the JVM per thread (thread-local
 * allocation buffers, {@code com.sun.management.ThreadMXBean}). A thread's count is lost when it ends, and a burst
 * worker's slot threads end with the queue; so a slot thread notes its own count after each job ({@link
 * #noteCurrentThread()}: a field write, nothing allocated) and the total adds those notes for the threads gone.
 */
final class ThreadAllocation {
    private final com.sun.management.ThreadMXBean threads;
    private final Map<Long, Long> atStart;
    private final List<Note> notes = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Note> note = ThreadLocal.withInitial(this::newNote);

    private ThreadAllocation(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
        this.atStart = live();
    }

    /** Starts counting now; {@link #total()} answers -1 where the JVM does not count allocation by thread. */
    static ThreadAllocation start() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return new ThreadAllocation(threads);
        }
        return new ThreadAllocation(null);
    }

    /** Records the calling thread's count so far, for when it has ended. */
    void noteCurrentThread() {
        if (threads != null) {
            note.get().bytes = threads.getCurrentThreadAllocatedBytes();
        }
    }

    /** Bytes allocated since {@link #start()} by the threads alive now and the noted ones, -1 when unknown. */
    long total() {
        if (threads == null) {
            return -1;
        }
        Map<Long, Long> latest = live();
        for (Note noted : notes) {
            latest.merge(noted.threadId, noted.bytes, Math::max);
        }
        long total = 0;
        for (Map.Entry<Long, Long> thread : latest.entrySet()) {
            total += thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }

    private Map<Long, Long> live() {
        return threads == null ? new HashMap<>() : byLiveThread(threads);
    }

    /** Heap bytes allocated so far by each live thread, by id; empty when the JVM does not count them. */
    static Map<Long, Long> byLiveThread() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return byLiveThread(threads);
        }
        return new HashMap<>();
    }

    private static Map<Long, Long> byLiveThread(com.sun.management.ThreadMXBean threads) {
        Map<Long, Long> bytes = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        long[] allocated = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (allocated[i] >= 0) {
                bytes.put(ids[i], allocated[i]);
            }
        }
        return bytes;
    }

    private Note newNote() {
        Note fresh = new Note(Thread.currentThread().getId());
        notes.add(fresh);
        return fresh;
    }

    /** One thread's last noted count. */
    private static final class Note {
        private final long threadId;
        private volatile long bytes;

        private Note(long threadId) {
            this.threadId = threadId;
        }
    }
}
