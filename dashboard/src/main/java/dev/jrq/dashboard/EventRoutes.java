package dev.jrq.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/events}: server-sent events fed by the shared {@link LivePoller}. Events: {@code overview} (as
 * {@code /api/overview}) and {@code workers} (as {@code /api/workers}), each once on connect and then only when
 * changed since the last one sent to this client, and {@code throughput} (the newest live point
 * {@code {"t","finished","failed"}}) on every read. Headers: {@code text/event-stream},
 * {@code Cache-Control: no-cache}, {@code X-Accel-Buffering: no}.
 */
final class EventRoutes {
    private final LivePoller poller;

    EventRoutes(LivePoller poller) {
        this.poller = poller;
    }

    void register(RoutesConfig routes) {
        routes.sse("/api/events", client -> {
            client.keepAlive();
            Subscriber subscriber = new Subscriber(client);
            client.onClose(() -> poller.unsubscribe(subscriber));
            poller.subscribe(subscriber);
        });
    }

    /** One connected client and what it was last sent. */
    private static final class Subscriber implements LivePoller.Listener {
        private final SseClient client;
        private String sentOverview;
        private String sentWorkers;

        Subscriber(SseClient client) {
            this.client = client;
        }

        @Override
        public void update(LivePoller.Update update) {
            if (client.terminated()) {
                throw new IllegalStateException("the client has gone");
            }
            if (!update.overviewKey().equals(sentOverview)) {
                client.sendEvent("overview", update.overview());
                sentOverview = update.overviewKey();
            }
            if (!update.workersKey().equals(sentWorkers)) {
                client.sendEvent("workers", update.workers());
                sentWorkers = update.workersKey();
            }
            if (update.throughput() != null) {
                client.sendEvent("throughput", update.throughput());
            } else {
                client.sendComment("ping"); // why: a write is how a closed connection is noticed
            }
        }
    }
}
