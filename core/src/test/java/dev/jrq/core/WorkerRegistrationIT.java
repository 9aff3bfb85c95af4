package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/** Worker slots as RQ workers: registration, death, state, suspension, and reading them back. */
@ExtendWith(RedisServerExtension.class)
class WorkerRegistrationIT {
    private TestRedis redis;
    private JrqClient client;
    private WorkerStore store;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.client = redis.newClient();
        this.store = client.workerStore();
    }

    @Test
    void register_slot_listedAsRqWorkerWithItsFields() {
        store.register("w1", List.of("high", "low"), Map.of("pid", "4242", "hostname", "vm", "state", "started"));

        assertThat(members("rq:workers")).containsExactly("rq:worker:w1");
        assertThat(members("rq:workers:high")).containsExactly("rq:worker:w1");
        assertThat(members("rq:workers:low")).containsExactly("rq:worker:w1");
        Map<String, String> hash = redis.hash("rq:worker:w1");
        assertThat(hash).containsEntry("queues", "high,low").containsEntry("pid", "4242")
                .containsEntry("hostname", "vm").containsEntry("state", "started");
        assertThat(hash.get("birth")).matches(JobHashFormatIT.TIMESTAMP);
        assertThat(hash.get("last_heartbeat")).matches(JobHashFormatIT.TIMESTAMP);
        assertThat(redis.ttlSeconds("rq:worker:w1")).isBetween(55L, 60L);
    }

    @Test
    void unregister_slot_leavesTheSetsHashKeptSixtySecondsWithDeath() {
        store.register("w1", List.of("high"), Map.of("state", "busy", "current_job", "j1"));

        store.unregister("w1", List.of("high"));

        assertThat(members("rq:workers")).isEmpty();
        assertThat(members("rq:workers:high")).isEmpty();
        Map<String, String> hash = redis.hash("rq:worker:w1");
        assertThat(hash.get("death")).matches(JobHashFormatIT.TIMESTAMP);
        assertThat(hash).doesNotContainKey("current_job");
        assertThat(redis.ttlSeconds("rq:worker:w1")).isBetween(55L, 60L);
        assertThat(client.workers()).isEmpty();
    }

    @Test
    void workers_jrqAndPythonWorkers_bothReadBack() {
        store.register("w1", List.of("default"), Map.of("state", "idle", "pid", "4242"));
        writePythonWorker();
        redis.raw().getSet("rq:workers", StringCodec.INSTANCE).add("rq:worker:expired-ghost");

        List<WorkerInfo> workers = client.workers();

        assertThat(workers).extracting(WorkerInfo::name).containsExactlyInAnyOrder("w1", "live-worker");
        WorkerInfo python = workers.stream().filter(w -> w.name().equals("live-worker")).findFirst().orElseThrow();
        assertThat(python.queues()).containsExactly("slow");
        assertThat(python.state()).isEqualTo("busy");
        assertThat(python.currentJob()).isEqualTo("busy-job");
        assertThat(python.pid()).isEqualTo(26856L);
        assertThat(python.hostname()).isEqualTo("vm");
        assertThat(python.birth()).isEqualTo(Instant.parse("2026-11-28T07:51:51.423203Z"));
        assertThat(python.lastHeartbeat()).isEqualTo(Instant.parse("2026-11-28T07:51:52.433047Z"));
        assertThat(python.successfulJobCount()).isEqualTo(3);
        assertThat(python.failedJobCount()).isZero();
        assertThat(python.totalWorkingTime()).isEqualTo(1.010296);
        assertThat(python.version()).isEqualTo("1.13.0");
        WorkerInfo jrq = workers.stream().filter(w -> w.name().equals("w1")).findFirst().orElseThrow();
        assertThat(jrq.queues()).containsExactly("default");
        assertThat(jrq.pid()).isEqualTo(4242L);
        assertThat(jrq.currentJob()).isNull();
    }

    @Test
    void setState_slot_writesTheStateField() {
        store.register("w1", List.of("default"), Map.of("state", "started"));

        store.setState("w1", "suspended");

        assertThat(redis.hash("rq:worker:w1")).containsEntry("state", "suspended");
    }

    @Test
    void markShutdownRequested_busySlots_shutdownDateWritten() {
        store.register("w1", List.of("default"), Map.of("state", "busy"));
        store.register("w2", List.of("default"), Map.of("state", "busy"));

        store.markShutdownRequested(List.of("w1", "w2"));

        assertThat(redis.hash("rq:worker:w1").get("shutdown_requested_date")).matches(JobHashFormatIT.TIMESTAMP);
        assertThat(redis.hash("rq:worker:w2").get("shutdown_requested_date")).matches(JobHashFormatIT.TIMESTAMP);
    }

    @Test
    void isSuspended_rqSuspendedSetThenDeleted_followsTheKey() {
        assertThat(store.isSuspended()).isFalse();
        redis.raw().getBucket("rq:suspended", StringCodec.INSTANCE).set("1");
        assertThat(store.isSuspended()).isTrue();
        redis.raw().getBucket("rq:suspended", StringCodec.INSTANCE).delete();
        assertThat(store.isSuspended()).isFalse();
    }

    /** The reference's dump of a busy Python RQ 1.13 worker, plus the counters it has after some jobs. */
    private void writePythonWorker() {
        redis.raw().<String, String>getMap("rq:worker:live-worker", StringCodec.INSTANCE).putAll(Map.ofEntries(
                Map.entry("birth", "2026-11-28T07:51:51.423203Z"), Map.entry("current_job", "busy-job"),
                Map.entry("current_job_working_time", "1.000375"), Map.entry("hostname", "vm"),
                Map.entry("ip_address", "127.0.0.1:52264"), Map.entry("last_heartbeat", "2026-11-28T07:51:52.433047Z"),
                Map.entry("pid", "26856"), Map.entry("python_version", "3.11.2 (main, Apr 28 2025, 14:11:48)"),
                Map.entry("queues", "slow"), Map.entry("state", "busy"), Map.entry("version", "1.13.0"),
                Map.entry("successful_job_count", "3"), Map.entry("total_working_time", "1.010296")));
        redis.raw().getSet("rq:workers", StringCodec.INSTANCE).add("rq:worker:live-worker");
    }

    private java.util.Set<String> members(String key) {
        return redis.raw().<String>getSet(key, StringCodec.INSTANCE).readAll();
    }
}
