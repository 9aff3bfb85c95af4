package dev.jrq.core;

import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.PackedJobHash;
import dev.jrq.core.internal.RqTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Decodes the jobs the take scripts started for a slot (lib/take.lua): queue name, id and packed hash each. */
final class StartedJobs {
    private StartedJobs() {
    }

    /**
     * The started job whose queue name, id and packed hash are at {@code at} of a take's reply. The hash is as read
     * before its start, so the fields the start wrote are set here to the values it wrote (see lib/take.lua).
     */
    static ClaimedJob decode(JrqClient client, List<?> reply, int at, String workerName, Instant startedAt) {
        String started = RqTime.format(startedAt);
        PackedJobHash hash = PackedJobHash.unpack((byte[]) reply.get(at + 2), "status",
                JobStatus.STARTED.wireName(), "started_at", started, "last_heartbeat", started, "worker_name",
                workerName);
        String jobId = text(reply.get(at + 1));
        return new ClaimedJob(text(reply.get(at)),
                client.codec().decodeJob(jobId, hash.text(), hash.data(), hash.meta()));
    }

    /** A reply item that Redis sent as a bulk string. */
    static String text(Object item) {
        return new String((byte[]) item, StandardCharsets.UTF_8);
    }
}
