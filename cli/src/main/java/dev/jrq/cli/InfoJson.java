package dev.jrq.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrq.core.QueueCounts;
import dev.jrq.core.WorkerInfo;
import java.time.Instant;

/** {@code jrq info --json}: one JSON document with the queues' counts, the workers and the totals. */
final class InfoJson {
    private static final JsonMapper JSON = new JsonMapper();

    private InfoJson() {
    }

    static String render(InfoSnapshot info, boolean queues, boolean workers) {
        ObjectNode root = JSON.createObjectNode();
        if (queues) {
            ArrayNode list = root.putArray("queues");
            for (QueueCounts queue : info.queues()) {
                ObjectNode node = list.addObject().put("name", queue.name());
                QueueStates.of(queue).forEach(node::put);
                node.put("total", QueueStates.total(queue));
            }
        }
        if (workers) {
            ArrayNode list = root.putArray("workers");
            info.workers().forEach(worker -> worker(list.addObject(), worker));
        }
        ObjectNode totals = root.putObject("totals").put("queues", info.queues().size())
                .put("workers", info.workers().size()).put("jobs", info.total());
        for (String state : QueueStates.STATES) {
            totals.put(state, info.total(state));
        }
        root.put("suspended", info.suspended());
        root.put("updated", info.takenAt().toString());
        return root.toPrettyString();
    }

    private static void worker(ObjectNode node, WorkerInfo worker) {
        node.put("name", worker.name()).put("hostname", worker.hostname()).put("pid", worker.pid())
                .put("state", worker.state());
        worker.queues().forEach(node.putArray("queues")::add);
        node.put("current_job", worker.currentJob()).put("birth", text(worker.birth()))
                .put("last_heartbeat", text(worker.lastHeartbeat()))
                .put("successful_job_count", worker.successfulJobCount())
                .put("failed_job_count", worker.failedJobCount())
                .put("total_working_time", worker.totalWorkingTime()).put("version", worker.version());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
