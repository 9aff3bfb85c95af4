package dev.jrq.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * One phase's measuring window: Redis' counters and this JVM's CPU time when it opens and when it closes, and,
 * in an audit, the {@code MONITOR} count of what clients sent in between.
 */
final class Window {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final RedisAdmin admin;
    private final ServerStats before;
    private final long jvmCpuBefore;
    private final Map<Long, Long> allocatedBefore;
    private final CommandAudit audit;

    private Window(RedisAdmin admin, CommandAudit audit) {
        this.admin = admin;
        this.audit = audit;
        this.jvmCpuBefore = OS.getProcessCpuTime();
        this.allocatedBefore = ThreadAllocation.byLiveThread();
        this.before = snapshot(admin);
    }

    /** Opens a window; with {@code auditUrl} set, the commands clients send are counted under MONITOR too. */
    static Window open(RedisAdmin admin, String auditUrl) {
        CommandAudit audit = auditUrl == null ? null : CommandAudit.start(auditUrl, admin);
        return new Window(admin, audit);
    }

    /**
     * Closes the window.
     *
     * @param own the benchmark's own probes sent through JRQ's client in the window (e.g. {@code zcard}), by name
     */
    Closed close(String phase, int jobs, double seconds, Map<String, Long> own) throws InterruptedException {
        ServerStats delta = snapshot(admin).minus(before).withoutOwn(own);
        long jvmCpuMicros = (OS.getProcessCpuTime() - jvmCpuBefore) / 1000;
        CommandAudit.RoundTrips roundTrips = audit == null ? null : audit.stop(admin).withoutOwn(own);
        long allocated = allocatedSince(allocatedBefore);
        PhaseFigures figures = new PhaseFigures(phase, jobs, seconds, delta.commands(), delta.cpuMicros(),
                jvmCpuMicros, delta.calls(), allocated);
        return new Closed(figures, roundTrips);
    }


    /** Bytes allocated since {@code before} by the threads alive now (a thread born since counts from zero). */
    private static long allocatedSince(Map<Long, Long> before) {
        Map<Long, Long> now = ThreadAllocation.byLiveThread();
        if (now.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }

    private static ServerStats snapshot(RedisAdmin admin) {
        return ServerStats.parse(admin.info("stats", "cpu", "commandstats"));
    }

    /** A closed window's figures, and its round trips when it was audited ({@code null} otherwise). */
    record Closed(PhaseFigures figures, CommandAudit.RoundTrips roundTrips) {
    }
}
