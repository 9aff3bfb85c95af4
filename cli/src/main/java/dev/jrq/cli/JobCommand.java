package dev.jrq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrq.core.JobRecord;
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
    private static final int RESULTS = 10;

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
            JobRecord record = client.fetchJob(jobId);
            job = document(record, client.results(jobId, RESULTS));
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
    private static ObjectNode document(JobRecord record, List<JobResult> results) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", record.id());
        node.put("status", record.status() == null ? record.fields().get("status") : record.status().wireName());
        node.put("queue", record.origin());
        node.put("name", record.jobName());
        if (!record.payload().isDecoded()) {
            node.put("payload_error", record.payload().error());
        }
        node.put("description", record.description());
        node.set("args", JSON.valueToTree(record.payload().args()));
        node.set("kwargs", JSON.valueToTree(record.payload().kwargs()));
        node.set("meta", JSON.valueToTree(record.meta()));
        node.set("dependency_ids", jsonField(record.fields().get("dependency_ids")));
        node.put("created_at", text(record.createdAt())).put("enqueued_at", text(record.enqueuedAt()))
                .put("started_at", text(record.startedAt())).put("ended_at", text(record.endedAt()))
                .put("worker_name", record.workerName());
        JobResult latest = results.isEmpty() ? null : results.get(0);
        node.set("result", latest != null && latest.isSuccessful() ? JSON.valueToTree(latest.returnValue()) : null);
        node.put("exc_info", latest == null || latest.isSuccessful() ? null : latest.error());
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
            out.println(String.format("%-15s %s", entry.getKey(), text(entry.getValue())));
        });
        out.println("fields:");
        job.get("fields").fields().forEachRemaining(entry ->
                out.println(String.format("  %-22s %s", entry.getKey(), entry.getValue().asText())));
    }

    /** A value on one line when short, else pretty JSON or a trace indented under its label. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        String text = value.isTextual() ? value.asText() : value.toPrettyString();
        return text.strip().replace("\n", "\n" + INDENT);
    }

    private static JsonNode jsonField(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
