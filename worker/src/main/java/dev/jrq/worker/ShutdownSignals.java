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

    private ShutdownSignals() {
    }

    /**
     * Handles both signals for {@code worker}.
     *
     * @param exitCold run after a cold stop, to end the process
     */
    static void install(Worker worker, Runnable exitCold) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (received.incrementAndGet() == 1) {
                    LOG.info("SIG{}: warm shutdown; send it again for a cold one", signal.getName());
                    worker.requestStop();
                } else {
                    // why: off the signal thread, which must not block on Redis
                    new Thread(() -> {
                        worker.coldStop();
                        exitCold.run();
                    }, "jrq-cold-shutdown").start();
                }
            });
        }
    }
}
