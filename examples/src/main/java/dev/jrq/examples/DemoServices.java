package dev.jrq.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import dev.jrq.core.JrqClient;
import dev.jrq.core.JrqCoreModule;
import dev.jrq.core.JrqSettings;
import dev.jrq.core.RedisConfig;
import dev.jrq.dashboard.DashboardOptions;
import dev.jrq.dashboard.DashboardServer;
import dev.jrq.scheduler.Scheduler;
import dev.jrq.scheduler.SchedulerModule;
import dev.jrq.scheduler.SchedulerOptions;
import dev.jrq.worker.Worker;
import dev.jrq.worker.WorkerModule;
import dev.jrq.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo runs in its one process, started in order and stopped in reverse: the Redis it found or
 * started, a worker with the scheduler on {@code default}, the page-visit app and the dashboard, each web app on
 * the port asked for or the next free one. Closing it more than once, or after a start that failed half way,
 * stops what is running.
 */
final class DemoServices implements AutoCloseable {
    static final String QUEUE = "default";
    private static final Logger LOG = LoggerFactory.getLogger(DemoServices.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final EmbeddedRedis redis;
    private JrqClient client;
    private String workerName;
    private PageVisitApp pageVisit;
    private int pageVisitPortWanted;
    private DashboardServer dashboard;
    private int dashboardPortWanted;

    /** Nothing running but {@code redis}, which {@link #close()} stops (when it was started for the demo). */
    DemoServices(EmbeddedRedis redis) {
        this.redis = redis;
        running.push(redis);
    }

    /** Starts the worker, the scheduler and the web apps; on a failure, {@link #close()} stops what started. */
    void start(int pageVisitPort, int dashboardPort) {
        startWorker();
        startPageVisit(pageVisitPort);
        startDashboard(dashboardPort);
    }

    JrqClient client() {
        return client;
    }

    /** What is running where, one line each, for the console; first which port was taken, if one was. */
    String describe() {
        return moved("the page-visit app", pageVisitPortWanted, pageVisit.port())
                + moved("the dashboard", dashboardPortWanted, dashboard.port())
                + "  Dashboard       " + dashboard.url() + "/\n"
                + "  Page-visit app  " + pageVisit.url() + "  (" + pageVisit.url() + "visit registers a visit)\n"
                + "  Redis           " + redis.url() + (redis.isEmbedded() ? "  (embedded, stopped with the demo)" : "")
                + "\n  Worker          " + workerName + " on queue '" + QUEUE + "', with the scheduler";
    }

    /** Runs {@code action} when the demo stops, before the services started so far are stopped. */
    synchronized void onStop(AutoCloseable action) {
        running.push(action);
    }

    PageVisitApp pageVisit() {
        return pageVisit;
    }

    DashboardServer dashboard() {
        return dashboard;
    }

    /** Stops everything still running, newest first; a failure to stop one is logged and the rest go on. */
    @Override
    public void close() {
        stopAll();
    }

    /** As {@link #close()}; returns whether anything was still running. */
    synchronized boolean stopAll() {
        boolean anything = !running.isEmpty();
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", next, e);
            }
        }
        return anything;
    }

    private synchronized void startWorker() {
        workerName = "jrq-demo." + ProcessHandle.current().pid();
        Injector injector = Guice.createInjector(
                new JrqCoreModule(JrqSettings.of(RedisConfig.fromUrl(redis.url()))),
                new WorkerModule(new WorkerOptions(workerName, List.of(QUEUE), 2, false, null)),
                new SchedulerModule(SchedulerOptions.defaults(workerName, List.of(QUEUE))));
        client = injector.getInstance(JrqClient.class);
        running.push(client);
        // why: the worker's heartbeat and reaper have their own connection, closed after the worker
        running.push(injector.getInstance(Key.get(JrqClient.class, Names.named("timers"))));
        Worker worker = injector.getInstance(Worker.class);
        worker.start();
        running.push(() -> worker.stop(Duration.ofSeconds(30)));
        Scheduler scheduler = injector.getInstance(Scheduler.class);
        scheduler.start();
        running.push(scheduler::stop);
    }

    private synchronized void startDashboard(int port) {
        dashboardPortWanted = port;
        dashboard = Ports.firstFree(port, free -> DashboardServer.start(client,
                DashboardOptions.builder().port(free).build()));
        running.push(dashboard);
    }

    private static String moved(String what, int wanted, int got) {
        return wanted == got || wanted == 0 ? "" : "port " + wanted + " is taken; " + what + " is on " + got + "\n";
    }

    private synchronized void startPageVisit(int port) {
        pageVisitPortWanted = port;
        pageVisit = PageVisitApp.startOnFreePortFrom(client, port);
        running.push(pageVisit);
    }
}
