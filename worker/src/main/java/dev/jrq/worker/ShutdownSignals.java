package dev.jrq.worker;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as RQ treats them: the first asks for a warm shutdown (running jobs finish, no new job is
 * taken), the second for a cold one (running jobs go back to the front of their queues, then the process exits).
 */
final class ShutdownSignals {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private final AtomicInteger received = new AtomicInteger();
    private volatile Thread coldShutdown;

    private ShutdownSignals() {
    }

    /**
     * Handles both signals for {@code worker}.
     *
     * @param exitCold run after a cold stop, to end the process
     */
    static ShutdownSignals install(Worker worker, Runnable exitCold) {
        ShutdownSignals signals = new ShutdownSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> signals.received(signal, worker, exitCold));
        }
        return signals;
    }

    /**
     * Blocks for good when a cold shutdown has begun, so that the process ends with its exit code rather than
     * the caller's; returns at once otherwise.
     */
    void awaitColdExit() throws InterruptedException {
        Thread cold = coldShutdown;
        if (cold != null) {
            cold.join();
            Thread.currentThread().join(); // why: exitCold halts the JVM; nothing after it may run
        }
    }

    private synchronized void received(Signal signal, Worker worker, Runnable exitCold) {
        if (received.incrementAndGet() == 1) {
            LOG.info("SIG{}: warm shutdown; send it again for a cold one", signal.getName());
            worker.requestStop();
        } else if (coldShutdown == null) {
            // why: off the signal thread, which must not block on Redis
            coldShutdown = new Thread(() -> {
                worker.coldStop();
                exitCold.run();
            }, "jrq-cold-shutdown");
            coldShutdown.start();
        }
    }
}
