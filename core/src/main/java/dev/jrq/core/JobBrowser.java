package dev.jrq.core;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.Zlib;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * Read models for dashboards and tools: every queue's counts in two round trips, pages of a queue or registry that
 * cost the same for a million jobs as for ten, and everything about one job. Reads never change anything (no
 * registry cleanup).
 *
 * <pre>{@code
 * JobBrowser browser = client.browser();
 * QueueOverview overview = browser.overview();
 * JobPage failed = browser.registryPage("default", RegistryType.FAILED, 0, 25, true);
 * Optional<JobDetails> job = browser.details(failed.jobs().get(0).id());
 * }</pre>
 */
public final class JobBrowser {
    /** The fields a list row reads: never {@code data} or a result. */
    private static final Set<String> SUMMARY_FIELDS = new LinkedHashSet<>(List.of("status", "origin", "description",
            "created_at", "enqueued_at", "started_at", "ended_at", "worker_name", "exc_info"));
    private static final Set<String> TOTAL_FIELDS = new LinkedHashSet<>(List.of("finished", "failed"));
    private static final JsonMapper JSON = new JsonMapper();
    private static final int RESULTS_SHOWN = 10;

    private final JrqClient client;

    JobBrowser(JrqClient client) {
        this.client = client;
    }

    /**
     * Every queue's counts, the suspension flag and the throughput totals: {@code SMEMBERS rq:queues}, then one
     * pipelined batch of {@code LLEN} and six {@code ZCARD}s per queue plus {@code EXISTS} and {@code HMGET}.
     */
    public QueueOverview overview() {
        List<String> names = client.queues().stream().map(JobQueue::name).toList();
        RBatch batch = client.redis().createBatch();
        List<RFuture<Integer>> counts = new ArrayList<>(names.size() * 7);
        for (String name : names) {
            counts.add(batch.getList(RqKeys.queue(name), StringCodec.INSTANCE).sizeAsync());
            for (String registry : RqKeys.registries(name)) {
                counts.add(batch.getScoredSortedSet(registry, StringCodec.INSTANCE).sizeAsync());
            }
        }
        RFuture<Boolean> suspended = batch.getBucket(RqKeys.SUSPENDED, StringCodec.INSTANCE).isExistsAsync();
        RFuture<Map<String, String>> totals = batch.<String, String>getMap(RqKeys.JRQ_STATS, StringCodec.INSTANCE)
                .getAllAsync(TOTAL_FIELDS);
        batch.execute();
        List<QueueCounts> queues = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            // why: RqKeys.registries is ordered wip, finished, failed, deferred, scheduled, canceled
            int at = i * 7;
            queues.add(new QueueCounts(names.get(i), join(counts.get(at)), join(counts.get(at + 1)),
                    join(counts.get(at + 4)), join(counts.get(at + 5)), join(counts.get(at + 2)),
                    join(counts.get(at + 3)), join(counts.get(at + 6))));
        }
        Map<String, String> total = join(totals);
        return new QueueOverview(queues, join(suspended), parseLong(total.get("finished")),
                parseLong(total.get("failed")));
    }

    /** How many ids the queue's list ({@code registry == null}: {@code LLEN}) or a registry ({@code ZCARD}) holds. */
    public long count(String queue, RegistryType registry) {
        return page(queue, registry, 0, 0, true).total();
    }

    /** Whether {@code rq:queues} lists the queue. */
    public boolean queueExists(String queue) {
        return client.redis().getSet(RqKeys.QUEUES, StringCodec.INSTANCE).contains(RqKeys.queue(queue));
    }

    /**
     * A page of the queue's waiting jobs: {@code LLEN} and one {@code LRANGE} in one batch, then one pipelined
     * {@code HMGET} per row. Newest first lists from the back of the queue (the last enqueued first); otherwise
     * from the front, in the order workers take them.
     */
    public JobPage queuePage(String queue, long offset, int limit, boolean newestFirst) {
        return page(queue, null, offset, limit, newestFirst);
    }

    /**
     * A page of a registry: {@code ZCARD} and one {@code ZRANGE} in one batch, then one pipelined {@code HMGET} per
     * row (and, for the failed registry, the newest result of each row, for its error). Newest first is the
     * highest score first.
     */
    public JobPage registryPage(String queue, RegistryType registry, long offset, int limit, boolean newestFirst) {
        return page(queue, registry, offset, limit, newestFirst);
    }

    /**
     * A page of ids of the queue's list ({@code registry == null}) or of a registry, in the same order as the pages.
     */
    public List<String> ids(String queue, RegistryType registry, long offset, int limit, boolean newestFirst) {
        if (limit == 0) {
            return List.of();
        }
        RBatch batch = client.redis().createBatch();
        RFuture<? extends java.util.Collection<String>> ids = addRange(batch, queue, registry, offset, limit,
                newestFirst);
        batch.execute();
        return ordered(join(ids), registry, newestFirst);
    }

    /**
     * The list rows of these jobs: one pipelined batch of {@code HMGET}s of the list fields, plus with
     * {@code withResultErrors} the newest entry of each result stream, for the error of jobs JRQ failed (JRQ's
     * workers write errors to the result stream only, as RQ 2 does).
     */
    public List<JobSummary> summaries(List<String> ids, boolean withResultErrors) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RBatch batch = client.redis().createBatch();
        List<RFuture<Map<String, byte[]>>> hashes = new ArrayList<>(ids.size());
        List<RFuture<Map<StreamMessageId, Map<String, String>>>> results = new ArrayList<>();
        for (String id : ids) {
            hashes.add(batch.<String, byte[]>getMap(RqKeys.job(id), JrqClient.HASH_CODEC).getAllAsync(SUMMARY_FIELDS));
            if (withResultErrors) {
                results.add(batch.<String, String>getStream(RqKeys.results(id), StringCodec.INSTANCE)
                        .rangeReversedAsync(1, StreamMessageId.MAX, StreamMessageId.MIN));
            }
        }
        batch.execute();
        List<JobSummary> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Map<String, byte[]> hash = join(hashes.get(i));
            String resultError = withResultErrors ? newestError(ids.get(i), join(results.get(i))) : null;
            rows.add(summary(ids.get(i), hash, resultError));
        }
        return rows;
    }

    /**
     * Everything about a job, or empty when its hash is gone: {@code HGETALL}, the result stream, the dependents'
     * set, then the statuses of the jobs it points to in one pipelined batch.
     */
    public Optional<JobDetails> details(String jobId) {
        Map<String, byte[]> hash = client.redis().<String, byte[]>getMap(RqKeys.job(jobId), JrqClient.HASH_CODEC)
                .readAllMap();
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        JobRecord record = client.codec().decodeJob(jobId, hash);
        List<JobResult> results = client.results(jobId, RESULTS_SHOWN);
        String excInfo = errorText(hash.get("exc_info"));
        if (excInfo == null) {
            excInfo = results.stream().filter(result -> result.error() != null).map(JobResult::error).findFirst()
                    .orElse(null);
        }
        List<String> parents = dependencyIds(record.fields());
        List<String> children = new ArrayList<>(client.redis().<String>getSet(RqKeys.jobDependents(jobId),
                StringCodec.INSTANCE).readAll());
        Collections.sort(children);
        List<String> statuses = statuses(concat(parents, children));
        return Optional.of(new JobDetails(record, excInfo, payloadFormat(record, hash.get("data")), results,
                refs(parents, statuses.subList(0, parents.size())),
                refs(children, statuses.subList(parents.size(), statuses.size()))));
    }

    /** The stored status of each job (its wire name), {@code null} for a job whose hash is gone; one batch. */
    public List<String> statuses(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RBatch batch = client.redis().createBatch();
        List<RFuture<String>> statuses = new ArrayList<>(ids.size());
        ids.forEach(id -> statuses.add(batch.<String, String>getMap(RqKeys.job(id), StringCodec.INSTANCE)
                .getAsync("status")));
        batch.execute();
        return statuses.stream().map(JobBrowser::join).toList();
    }

    private JobPage page(String queue, RegistryType registry, long offset, int limit, boolean newestFirst) {
        JobRegistry.checkPage(offset, limit);
        RBatch batch = client.redis().createBatch();
        RFuture<Integer> total = registry == null
                ? batch.getList(RqKeys.queue(queue), StringCodec.INSTANCE).sizeAsync()
                : batch.getScoredSortedSet(RqKeys.registry(registry.keyPart(), queue), StringCodec.INSTANCE)
                        .sizeAsync();
        RFuture<? extends java.util.Collection<String>> range = limit == 0 ? null
                : addRange(batch, queue, registry, offset, limit, newestFirst);
        batch.execute();
        List<String> ids = range == null ? List.of() : ordered(join(range), registry, newestFirst);
        return new JobPage(join(total), summaries(ids, registry == RegistryType.FAILED));
    }

    private static RFuture<? extends java.util.Collection<String>> addRange(RBatch batch, String queue,
            RegistryType registry, long offset, int limit, boolean newestFirst) {
        JobRegistry.checkPage(offset, limit);
        int first = (int) offset;
        int last = (int) Math.min(Integer.MAX_VALUE, offset + limit - 1);
        if (registry == null) {
            var list = batch.<String>getList(RqKeys.queue(queue), StringCodec.INSTANCE);
            // why: LRANGE with negative indexes reads from the back, as cheaply as from the front
            return newestFirst ? list.rangeAsync(-last - 1, -first - 1) : list.rangeAsync(first, last);
        }
        var set = batch.<String>getScoredSortedSet(RqKeys.registry(registry.keyPart(), queue), StringCodec.INSTANCE);
        return newestFirst ? set.valueRangeReversedAsync(first, last) : set.valueRangeAsync(first, last);
    }

    private static List<String> ordered(java.util.Collection<String> ids, RegistryType registry, boolean newestFirst) {
        List<String> list = new ArrayList<>(ids);
        if (registry == null && newestFirst) {
            Collections.reverse(list);
        }
        return list;
    }

    private JobSummary summary(String id, Map<String, byte[]> hash, String resultError) {
        if (hash.isEmpty()) {
            return JobSummary.missing(id);
        }
        String description = text(hash.get("description"));
        String error = JobSummary.errorLine(errorText(hash.get("exc_info")));
        return new JobSummary(id, JobSummary.nameFromDescription(description), description,
                emptyToNull(text(hash.get("status"))), text(hash.get("origin")),
                RqTime.parse(text(hash.get("created_at"))), RqTime.parse(text(hash.get("enqueued_at"))),
                RqTime.parse(text(hash.get("started_at"))), RqTime.parse(text(hash.get("ended_at"))),
                emptyToNull(text(hash.get("worker_name"))), error != null ? error : JobSummary.errorLine(resultError),
                false);
    }

    private String newestError(String id, Map<StreamMessageId, Map<String, String>> newest) {
        return newest.entrySet().stream().findFirst()
                .map(entry -> client.codec().decodeResult(entry.getKey().toString(), entry.getValue()).error())
                .orElse(null);
    }

    /** RQ's {@code dependency_ids} (a JSON list), else its older {@code dependency_id}. */
    static List<String> dependencyIds(Map<String, String> fields) {
        String ids = fields.get("dependency_ids");
        if (ids != null && !ids.isBlank()) {
            try {
                return List.of(JSON.readValue(ids, String[].class));
            } catch (java.io.IOException e) {
                // why: a malformed field is shown as no dependencies, never thrown at the reader
                return List.of();
            }
        }
        String id = fields.get("dependency_id");
        return id == null || id.isBlank() ? List.of() : List.of(id);
    }

    private static String payloadFormat(JobRecord record, byte[] data) {
        if (record.payload().isDecoded()) {
            return "json";
        }
        if (data == null || data.length == 0) {
            return "unknown";
        }
        byte[] raw = Zlib.decompressOrKeep(data);
        // why: every pickle of protocol 2 or later (RQ's default is the highest) starts with the PROTO opcode 0x80
        return raw.length > 1 && raw[0] == (byte) 0x80 && raw[1] >= 2 && raw[1] <= 5 ? "pickle" : "unknown";
    }

    private static List<JobRef> refs(List<String> ids, List<String> statuses) {
        List<JobRef> refs = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            refs.add(new JobRef(ids.get(i), emptyToNull(statuses.get(i))));
        }
        return refs;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** RQ's {@code exc_info}: zlib-compressed text (older RQ wrote it plain). */
    private static String errorText(byte[] value) {
        return value == null ? null : new String(Zlib.decompressOrKeep(value), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> T join(CompletionStage<T> future) {
        return future.toCompletableFuture().join();
    }

    private static long join(RFuture<Integer> future) {
        Integer value = future.toCompletableFuture().join();
        return value == null ? 0 : value;
    }
}
