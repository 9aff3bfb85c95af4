package dev.jrq.core;

import dev.jrq.api.ConfigurationException;
import dev.jrq.api.NoSuchJobException;
import dev.jrq.api.spi.Serializer;
import dev.jrq.core.internal.JobCodec;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.Scripts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.redisson.Redisson;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

/**
 * A connection to one Redis holding RQ-layout queues: the entry point of JRQ's Java API. Thread-safe; create one
 * per process and close it at exit.
 *
 * <pre>{@code
 * try (JrqClient client = JrqClient.connect(RedisConfig.fromUrl("redis://127.0.0.1:6379"))) {
 *     Job job = client.queue("default").enqueue("test_job.i_am_a_job", 7);
 *     Object result = job.waitForResult(Duration.ofSeconds(10)); // 7, once a worker has run it
 * }
 * }</pre>
 */
public final class JrqClient implements AutoCloseable {
    static final CompositeCodec HASH_CODEC = new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE);

    private final RedissonClient redis;
    private final RedisConfig config;
    private final JobCodec codec;
    private final Scripts scripts;
    private final Clock clock;

    private JrqClient(RedissonClient redis, RedisConfig config, Serializer serializer, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.codec = new JobCodec(serializer);
        this.scripts = new Scripts(redis);
        this.clock = clock;
    }

    /** Connects with RQ's JSON serializer and the system clock. */
    public static JrqClient connect(RedisConfig config) {
        return connect(config, new JsonSerializer(), Clock.systemUTC());
    }

    /**
     * Connects, checking that Redis answers.
     *
     * @throws ConfigurationException when Redis cannot be reached, naming the address tried
     */
    public static JrqClient connect(RedisConfig config, Serializer serializer, Clock clock) {
        RedissonClient redis;
        try {
            redis = Redisson.create(config.redissonConfig());
        } catch (RuntimeException e) {
            throw new ConfigurationException("cannot connect to Redis at " + config.description() + ": "
                    + rootMessage(e), e);
        }
        return new JrqClient(redis, config, serializer, clock);
    }

    /** The queue called {@code name}; it exists in Redis once a job is enqueued to it. */
    public JobQueue queue(String name) {
        return new JobQueue(this, name);
    }

    /** Every queue listed in {@code rq:queues}, sorted by name. */
    public List<JobQueue> queues() {
        TreeSet<String> names = new TreeSet<>();
        for (String key : redis.<String>getSet(RqKeys.QUEUES, StringCodec.INSTANCE).readAll()) {
            String name = RqKeys.queueName(key);
            if (name != null) {
                names.add(name);
            }
        }
        return names.stream().map(this::queue).toList();
    }

    /** A handle on the job {@code jobId} (it need not exist). */
    public Job job(String jobId) {
        return new Job(this, jobId);
    }

    /**
     * The job as stored now.
     *
     * @throws NoSuchJobException when there is no such job
     */
    public JobRecord fetchJob(String jobId) {
        return findJob(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
    }

    /** The job as stored now, or empty when there is no such job. */
    public Optional<JobRecord> findJob(String jobId) {
        Map<String, byte[]> hash = redis.<String, byte[]>getMap(RqKeys.job(jobId), HASH_CODEC).readAllMap();
        return hash.isEmpty() ? Optional.empty() : Optional.of(codec.decodeJob(jobId, hash));
    }

    /** The job's results, newest first, at most {@code limit} (RQ keeps about ten). */
    public List<JobResult> results(String jobId, int limit) {
        Map<StreamMessageId, Map<String, String>> entries = redis.<String, String>getStream(RqKeys.results(jobId),
                StringCodec.INSTANCE).rangeReversed(limit, StreamMessageId.MAX, StreamMessageId.MIN);
        List<JobResult> results = new ArrayList<>(entries.size());
        entries.forEach((id, entry) -> results.add(codec.decodeResult(id.toString(), entry)));
        return results;
    }

    /** Every worker listed in {@code rq:workers} whose hash still exists, JRQ's and Python's alike. */
    public List<WorkerInfo> workers() {
        List<String> keys = new ArrayList<>(redis.<String>getSet(RqKeys.WORKERS, StringCodec.INSTANCE).readAll());
        RBatch batch = redis.createBatch();
        keys.forEach(key -> batch.getMap(key, StringCodec.INSTANCE).readAllMapAsync());
        BatchResult<?> replies = batch.execute();
        List<WorkerInfo> workers = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, String> hash = (Map<String, String>) replies.getResponses().get(i);
            if (!hash.isEmpty()) {
                workers.add(workerInfo(RqKeys.workerName(keys.get(i)), hash));
            }
        }
        return workers;
    }

    /** Suspend and resume workers, and send them RQ's commands (shutdown, stop a job). */
    public WorkerControl workerControl() {
        return new WorkerControl(this);
    }

    /** Read models for dashboards and tools: queue counts, pages of jobs, everything about one job. */
    public JobBrowser browser() {
        return new JobBrowser(this);
    }

    /** Jobs finished and failed over time: the totals of {@code jrq:stats} and their sampled history. */
    public ThroughputStats throughput() {
        return new ThroughputStats(this);
    }

    /** A counter in a plain Redis string key, as Python's {@code redis.incr(key)} keeps it. */
    public RedisCounter counter(String key) {
        return new RedisCounter(redis.getAtomicLong(key));
    }

    /** Where this client is connected, without the password. */
    public RedisConfig config() {
        return config;
    }

    public Serializer serializer() {
        return codec.serializer();
    }

    public Clock clock() {
        return clock;
    }

    /** The store a worker process uses to take and finish jobs, with leases of {@link WorkerStore#LEASE}. */
    public WorkerStore workerStore() {
        return new WorkerStore(this, WorkerStore.LEASE);
    }

    /** The store a worker process uses to take and finish jobs, with leases of {@code lease}. */
    public WorkerStore workerStore(Duration lease) {
        return new WorkerStore(this, lease);
    }

    RedissonClient redis() {
        return redis;
    }

    JobCodec codec() {
        return codec;
    }

    Scripts scripts() {
        return scripts;
    }

    @Override
    public void close() {
        redis.shutdown();
    }

    private static WorkerInfo workerInfo(String name, Map<String, String> hash) {
        String queues = hash.getOrDefault("queues", "");
        return new WorkerInfo(name, hash.get("hostname"), parseLong(hash.get("pid")),
                queues.isEmpty() ? List.of() : Arrays.asList(queues.split(",")), hash.get("state"),
                emptyToNull(hash.get("current_job")), RqTime.parse(hash.get("birth")),
                RqTime.parse(hash.get("last_heartbeat")), orZero(parseLong(hash.get("successful_job_count"))),
                orZero(parseLong(hash.get("failed_job_count"))), parseDouble(hash.get("total_working_time")),
                hash.get("version"));
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isEmpty() ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static double parseDouble(String text) {
        try {
            return text == null || text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
