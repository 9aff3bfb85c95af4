package dev.jrq.core;

import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.PackedJobHash;
import dev.jrq.core.internal.RqTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Decodes the jobs the take scripts started for a slot (lib/take.lua): queue name, id and hash packed in one item. */
final class StartedJobs {
    private StartedJobs() {
    }

    /**
     * The started job packed in a take's reply item: its queue name, id and hash. The hash is as read before its
     * start, so the fields the start wrote are set here to the values it wrote (see lib/take.lua).
     */
    static ClaimedJob decode(JrqClient client, Object item, String workerName, Instant startedAt) {
        return decode(client, PackedJobHash.reader((byte[]) item), workerName, RqTime.format(startedAt));
    }

    /**
     * The next started job in a reply string that packs several, one after the other (finish_many.lua).
     *
     * @param started the start's time as the script wrote it, an RQ timestamp
     */
    static ClaimedJob decode(JrqClient client, PackedJobHash.Reader reader, String workerName, String started) {
        String queue = reader.nextText();
        String jobId = reader.nextText();
        PackedJobHash hash = reader.nextHash("status", JobStatus.STARTED.wireName(), "started_at", started,
                "last_heartbeat", started, "worker_name", workerName);
        return new ClaimedJob(queue, client.codec().decodeJob(jobId, hash));
    }

    /** A reply item that Redis sent as a bulk string. */
    static String text(Object item) {
        return new String((byte[]) item, StandardCharsets.UTF_8);
    }
}
