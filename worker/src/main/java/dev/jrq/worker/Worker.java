package dev.jrq.worker;

import dev.jrq.core.JobHandlers;
import dev.jrq.core.JrqClient;
import dev.jrq.core.WorkerCommand;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.jrq.core.WorkerStore;
import dev.jrq.worker.RunningJob.Interruption;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's engine: registers its slots as RQ workers, runs them on their own threads, renews the
 * registrations and every running job's lease in one batched heartbeat, and unregisters on stop.
 *
 * <pre>{@code
 * Worker worker = new Worker(client, handlers, new WorkerOptions("w1", List.of("default"), 4, true, null));
 * worker.start();
 * worker.awaitSlots();   // burst: returns when the queues are empty
 * worker.stop();
 * }</pre>
 */
public final class Worker {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** The version this worker reports in its RQ worker hash. */
    public static final String VERSION = "jrq-0.1.0";
    /**
     * How long a slot may hold a success it has not written (it writes them with its next take) before the sweeper
     * writes it: a job that follows short ones and runs long does not hold their results back.
     */
    private static final Duration HELD_SUCCESS_LIMIT = Duration.ofMillis(50);
    /**
     * How often running jobs are checked against their timeouts, so a job is interrupted at most this late (RQ's
     * timeouts are whole seconds). why: one check for all slots instead of a timer scheduled and cancelled per job.
     */
    private static final Duration TIMEOUT_CHECK = Duration.ofMillis(20);
    /** How long a cold stop waits for slots that are between taking a job and running it. */
    private static final Duration COLD_GRACE = Duration.ofSeconds(3);

    private final WorkerStore store;
    /** The heartbeat's and reaper's store, on their own connection when the process gives them one. */
    private final WorkerStore timersStore;
    private final WorkerOptions options;
    /** The current slots and their threads; a slot abandoned in a stuck handler is replaced here. */
    private final Map<WorkerSlot, Thread> slots = new ConcurrentHashMap<>();
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final JobRunner runner;
    private final JobBudget budget;
    /** Each slot's RQ counters since the last heartbeat, which adds them to its hash. */
    private final SlotTallies tallies = new SlotTallies();
    /** Heartbeats, reaping and job timeouts. */
    private final ScheduledExecutorService timers;
    private boolean started;
    private boolean stopped;
    private AutoCloseable commands;
    private volatile Throwable slotFailure;

    /** A worker whose meters go nowhere (see the four-argument constructor). */
    public Worker(JrqClient client, JobHandlers handlers, WorkerOptions options) {
        this(client, handlers, options, new SimpleMeterRegistry());
    }

    /** A worker recording its meters ({@link WorkerMetrics}) in {@code meters}. */
    public Worker(JrqClient client, JobHandlers handlers, WorkerOptions options, MeterRegistry meters) {
        this(client, client, handlers, options, meters);
    }

    /**
     * A worker whose heartbeat and reaper use {@code timersClient}, a connection of their own, so that nothing
     * the slots do (blocking waits, slow writes) can delay a lease renewal.
     */
    public Worker(JrqClient client, JrqClient timersClient, JobHandlers handlers, WorkerOptions options,
                  MeterRegistry meters) {
        this.store = client.workerStore(options.lease());
        this.timersStore = timersClient.workerStore(options.lease());
        this.options = options;
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "jrq-timers");
            thread.setDaemon(true);
            return thread;
        });
        // why: every job schedules a timeout alarm and cancels it when done; without this, the cancelled
        // alarms stay queued until their delay (180 s by default) runs out, thousands of them on a busy worker
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
        WorkerMetrics metrics = new WorkerMetrics(handlers.names(), this::slotsBusy);
        metrics.bindTo(meters);
        this.runner = new JobRunner(handlers, store, timers, options.abandonGrace(), metrics, tallies);
        this.budget = new JobBudget(options.maxJobs());
        options.slotNames().forEach(this::newSlot);
    }

    /** Registers the slots and starts them. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("worker " + options.name() + " was started already");
        }
        started = true;
        for (WorkerSlot slot : slots.keySet()) {
            store.register(slot.name(), options.queues(), registration());
        }
        store.refreshClockOffset(options.queues(), WorkerSlot.waitBlock(options));
        long beat = options.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::reap, 0, options.reapInterval().toMillis(), TimeUnit.MILLISECONDS);
        long sweep = HELD_SUCCESS_LIMIT.toMillis() / 2;
        timers.scheduleWithFixedDelay(this::writeHeldSuccesses, sweep, sweep, TimeUnit.MILLISECONDS);
        // why: a task of its own, so that a success write waiting on Redis never delays a timeout
        long check = TIMEOUT_CHECK.toMillis();
        timers.scheduleWithFixedDelay(this::interruptOverdueJobs, check, check, TimeUnit.MILLISECONDS);
        commands = store.onCommands(options.slotNames(), this::onCommand);
        slots.values().forEach(Thread::start);
        LOG.info("Worker {} started: {} slot(s) on queues {}{}", options.name(), slots.size(), options.queues(),
                options.burst() ? " (burst)" : "");
    }

    /** Waits until every slot has ended (in burst mode, when the queues are empty). */
    public void awaitSlots() throws InterruptedException {
        Thread alive;
        while ((alive = aliveSlotThread()) != null) {
            alive.join(1000);
        }
    }

    private Thread aliveSlotThread() {
        return slots.values().stream().filter(Thread::isAlive).findFirst().orElse(null);
    }

    /**
     * Starts a warm stop and returns at once: slots take no new job and end after their current one, so that
     * {@link #awaitSlots()} returns. RQ's {@code shutdown} command and a first SIGTERM/SIGINT do this.
     */
    public void requestStop() {
        LOG.info("Worker {}: warm shutdown requested; {} job(s) running will finish, {} leased", options.name(),
                slotsBusy(true), running.size());
        slots.keySet().forEach(WorkerSlot::stop);
        markShutdownRequested();
    }

    /**
     * Cold stop (a second signal): every running job is interrupted and put back at the front of its queue, its
     * interrupted attempt recorded in its results; then the slots are unregistered. The caller exits the process.
     */
    public synchronized void coldStop() {
        LOG.warn("Worker {}: cold shutdown; requeueing {} running job(s) and giving back those taken ahead ({} leased "
                + "in all)", options.name(), slotsBusy(true), running.size());
        slots.keySet().forEach(WorkerSlot::stopCold);
        for (WorkerSlot slot : slots.keySet()) {
            RunningJob attempt = slot.current();
            if (attempt != null && attempt.settleAndInterrupt()) {
                slot.requeueCold(attempt.job());
            }
            slot.release(); // why: the jobs it took ahead go back to the front of their queues, not to the reaper
        }
        // why: a slot whose take has just started a job, not yet running it, puts that job back itself; wait for
        // those (a slot stuck in a handler was interrupted above and is not waited for)
        long deadline = System.nanoTime() + COLD_GRACE.toNanos();
        slots.forEach((slot, thread) -> {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (slot.current() == null && left > 0) {
                try {
                    thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        stop(Duration.ZERO);
    }

    /**
     * Warm stop: slots take no new job, running jobs finish, then the slots are unregistered. Waits up to
     * {@code grace} for running jobs.
     */
    public synchronized void stop(Duration grace) {
        if (!started || stopped) {
            return;
        }
        stopped = true;
        LOG.info("Worker {} stopping: {} job(s) running, {} leased", options.name(), slotsBusy(true), running.size());
        slots.keySet().forEach(WorkerSlot::stop);
        markShutdownRequested();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : slots.values()) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // why: a slot still in a long job holds the successes of the jobs before it; write them before the timers go
        slots.keySet().forEach(WorkerSlot::release);
        timers.shutdownNow();
        closeCommands();
        heartbeat(); // why: the last counts of each slot reach its hash before it is unregistered
        for (WorkerSlot slot : slots.keySet()) {
            try {
                store.unregister(slot.name(), options.queues());
            } catch (RuntimeException e) {
                LOG.warn("could not unregister {}: {}", slot.name(), e.getMessage());
            }
        }
        LOG.info("Worker {} stopped", options.name());
    }

    /** The error that killed a slot (and so stopped every slot), or {@code null} when none did. */
    public Throwable slotFailure() {
        return slotFailure;
    }

    public WorkerOptions options() {
        return options;
    }

    /**
     * A slot died of an error its loop does not survive (an {@link Error}, such as a class mismatch between jars):
     * the other slots stop too, so the process ends instead of looking idle in {@code rq info} forever.
     */
    private void slotDied(Thread thread, Throwable error) {
        LOG.error("{} died; stopping every slot of worker {}", thread.getName(), options.name(), error);
        slotFailure = error;
        slots.keySet().forEach(WorkerSlot::stop);
    }

    private void markShutdownRequested() {
        List<String> busy = slots.keySet().stream().filter(WorkerSlot::isBusy).map(WorkerSlot::name).toList();
        try {
            if (!busy.isEmpty()) {
                store.markShutdownRequested(busy);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not mark the shutdown request: {}", e.getMessage());
        }
    }

    private void onCommand(WorkerCommand command) {
        LOG.info("Worker {}: command {}{}", command.workerName(), command.command(),
                command.jobId() == null ? "" : " for job " + command.jobId());
        switch (command.command()) {
            case WorkerCommand.SHUTDOWN -> requestStop();
            case WorkerCommand.STOP_JOB -> interruptJob(command.workerName(), command.jobId(), Interruption.STOP);
            case WorkerCommand.KILL_HORSE -> interruptJob(command.workerName(), null, Interruption.KILL);
            default -> LOG.warn("unknown command '{}' for worker {}", command.command(), command.workerName());
        }
    }

    /** Interrupts the job running in slot {@code slotName} (only if it is {@code jobId}, when given). */
    private void interruptJob(String slotName, String jobId, Interruption reason) {
        for (WorkerSlot slot : slots.keySet()) {
            RunningJob attempt = slot.current();
            if (slot.name().equals(slotName) && attempt != null
                    && (jobId == null || jobId.equals(attempt.job().jobId()))) {
                runner.interrupt(attempt, reason);
                return;
            }
        }
        LOG.info("Worker {}: no running job{} to {}", slotName, jobId == null ? "" : " " + jobId, reason);
    }

    private void closeCommands() {
        try {
            if (commands != null) {
                commands.close();
            }
        } catch (Exception e) {
            LOG.warn("could not stop listening for commands: {}", e.getMessage());
        }
    }

    private int slotsBusy(boolean busy) {
        return (int) slots.keySet().stream().filter(slot -> slot.isBusy() == busy).count();
    }

    /** A slot and its thread, not started yet. */
    private Thread newSlot(String slotName) {
        WorkerSlot slot = new WorkerSlot(slotName, options, store, runner, running, this::replace, budget);
        Thread thread = new Thread(slot, "jrq-slot-" + slotName);
        thread.setUncaughtExceptionHandler(this::slotDied);
        slots.put(slot, thread);
        return thread;
    }

    /** Gives an abandoned slot's name a fresh slot and thread; the old thread is left to its stuck handler. */
    private synchronized void replace(WorkerSlot abandoned) {
        slots.remove(abandoned);
        if (stopped) {
            return;
        }
        newSlot(abandoned.name()).start();
        LOG.warn("slot {} was given a fresh thread", abandoned.name());
    }

    /**
     * Moves on the jobs of this worker's queues whose lease ran out (their worker died; fenced, so any worker
     * may), and does RQ's registry maintenance when it gets the queue's maintenance lock.
     */
    private void reap() {
        for (String queue : options.queues()) {
            try {
                int reaped = timersStore.reapExpiredLeases(options.name(), queue);
                long returned = timersStore.returnHandedOff(queue);
                if (returned > 0) {
                    LOG.warn("{}: {} job id(s) left between a slot's wait and its start went back to the front of "
                            + "the queue", queue, returned);
                }
                long cleaned = timersStore.cleanRegistries(queue);
                if (cleaned > 0) {
                    LOG.info("{}: maintenance dropped {} expired registry entries", queue, cleaned);
                }
                if (reaped > 0) {
                    LOG.warn("{}: {} job(s) whose worker stopped renewing their lease were retried or failed",
                            queue, reaped);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: reaping expired leases failed: {}", queue, e.getMessage());
            }
        }
    }

    /** The timeout check: interrupts each running job whose timeout has run out. */
    private void interruptOverdueJobs() {
        long now = System.nanoTime();
        for (WorkerSlot slot : slots.keySet()) {
            RunningJob attempt = slot.current();
            if (attempt != null) {
                runner.interruptIfOverdue(attempt, now);
            }
        }
    }

    /** The sweeper: writes the successes slots have held for {@link #HELD_SUCCESS_LIMIT} while running a job. */
    private void writeHeldSuccesses() {
        for (WorkerSlot slot : slots.keySet()) {
            slot.writeSuccessesOlderThan(HELD_SUCCESS_LIMIT);
        }
    }

    private void heartbeat() {
        List<String> names = options.slotNames();
        List<WorkerStore.SlotCounts> counts = tallies.take(names);
        try {
            List<String> gone = timersStore.heartbeat(names, Map.copyOf(running), counts);
            for (String slotName : gone) {
                tallies.giveBack(slotName, counts.get(names.indexOf(slotName)));
                // why: its hash expired or Redis lost it (a restart); RQ's tools must see the slot again
                LOG.warn("worker {} was missing from Redis; registering it again", slotName);
                timersStore.register(slotName, options.queues(), registration());
            }
        } catch (RuntimeException e) {
            // why: the heartbeat may or may not have run; giving the counts back may count them twice, but a
            // counter that lags or repeats a little is better than one that forgets
            for (int i = 0; i < names.size(); i++) {
                tallies.giveBack(names.get(i), counts.get(i));
            }
            LOG.warn("heartbeat failed: {}", e.getMessage());
            return;
        }
        refreshClockOffset();
    }

    /** Measures how far this clock is from Redis's, when due: on the timers' thread, not on a slot's way to a job. */
    private void refreshClockOffset() {
        try {
            store.refreshClockOffset(options.queues(), WorkerSlot.waitBlock(options));
        } catch (RuntimeException e) {
            LOG.warn("measuring how far this clock is from Redis's failed (a waiting slot will retry): {}",
                    e.getMessage());
        }
    }

    private Map<String, String> registration() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pid", String.valueOf(ProcessHandle.current().pid()));
        fields.put("hostname", hostname());
        fields.put("ip_address", "");
        fields.put("version", VERSION);
        fields.put("python_version", "Java " + Runtime.version());
        fields.put("state", "started");
        return fields;
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
