package dev.jrq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.core.JobDetails;
import dev.jrq.core.JobRecord;
import dev.jrq.core.JobRef;
import dev.jrq.core.JobResult;
import dev.jrq.core.JrqClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jrq job ID}: one job as stored: status, name, arguments, meta, result or error, dependencies, every field
 * of its hash and its timestamps; {@code --json} for one JSON document.
 */
@Command(name = "job", mixinStandardHelpOptions = true, version = JrqMain.VERSION, sortOptions = false,
        description = "Shows one job: status, name, arguments, meta, result or error, and every stored field.")
final class JobCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String INDENT = " ".repeat(16);

    @Spec
    CommandSpec spec;

    @Mixin
    RedisOptions redis;

    @Parameters(paramLabel = "ID", description = "The job's id.")
    String jobId;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode job;
        try (JrqClient client = redis.connect()) {
            job = document(client.browser().details(jobId).orElseThrow(() -> new NoSuchJobException(jobId)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(job.toPrettyString());
        } else {
            printText(job, out);
        }
        return 0;
    }

    /** The job as one JSON object; the text view prints the same. */
    private static ObjectNode document(JobDetails details) {
        JobRecord record = details.record();
        List<JobResult> results = details.results();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", record.id());
        node.put("status", record.status() == null ? record.fields().get("status") : record.status().wireName());
        node.put("queue", record.origin());
        node.put("name", record.jobName());
        node.put("payload_format", details.payloadFormat());
        if (!record.payload().isDecoded()) {
            node.put("payload_error", record.payload().error());
        }
        node.put("description", record.description());
        node.set("args", JSON.valueToTree(record.payload().args()));
        node.set("kwargs", JSON.valueToTree(record.payload().kwargs()));
        node.set("meta", JSON.valueToTree(record.meta()));
        node.set("depends_on", refs(details.dependsOn()));
        node.set("dependents", refs(details.dependents()));
        node.put("created_at", text(record.createdAt())).put("enqueued_at", text(record.enqueuedAt()))
                .put("started_at", text(record.startedAt())).put("ended_at", text(record.endedAt()))
                .put("worker_name", record.workerName());
        JobResult latest = results.isEmpty() ? null : results.get(0);
        node.set("result", latest != null && latest.isSuccessful() ? JSON.valueToTree(latest.returnValue()) : null);
        node.put("exc_info", details.excInfo());
        results.forEach(result -> node.withArray("results").addObject()
                .put("type", result.type().name().toLowerCase(java.util.Locale.ROOT))
                .put("created_at", text(result.createdAt()))
                .<ObjectNode>set("return_value", JSON.valueToTree(result.returnValue()))
                .put("error", result.error()).put("value_error", result.valueError()));
        node.set("fields", JSON.valueToTree(new TreeMap<>(record.fields())));
        return node;
    }

    private static void printText(ObjectNode job, PrintWriter out) {
        job.fields().forEachRemaining(entry -> {
            if ("fields".equals(entry.getKey()) || "results".equals(entry.getKey())) {
                return;
            }
            JsonNode value = entry.getValue();
            boolean jobList = entry.getKey().startsWith("depend");
            out.println(String.format("%-15s %s", entry.getKey(), jobList ? jobList(value) : text(value)));
        });
        out.println("fields:");
        job.get("fields").fields().forEachRemaining(entry ->
                out.println(String.format("  %-22s %s", entry.getKey(), entry.getValue().asText())));
    }

    /** Jobs as {@code id (status), ...}, {@code -} for none. */
    private static String jobList(JsonNode jobs) {
        List<String> shown = new java.util.ArrayList<>();
        jobs.forEach(job -> shown.add(job.get("id").asText() + " (" + job.get("status").asText("gone") + ")"));
        return shown.isEmpty() ? "-" : String.join(", ", shown);
    }

    /** A value on one line when short, else pretty JSON or a trace indented under its label. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        String text = value.isTextual() ? value.asText() : value.toPrettyString();
        return text.strip().replace("\n", "\n" + INDENT);
    }

    /** Jobs as {@code [{"id": ..., "status": ...}]}, {@code status} null for a job that is gone. */
    private static JsonNode refs(List<JobRef> jobs) {
        ArrayNode list = JSON.createArrayNode();
        jobs.forEach(job -> list.addObject().put("id", job.id()).put("status", job.status()));
        return list;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
