package dev.jrq.core;

import dev.jrq.api.JobStatus;
import dev.jrq.core.internal.PackedJobHash;
import dev.jrq.core.internal.TakeReplyCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Decodes the jobs the take scripts started for a slot (lib/take.lua): queue name, id and hash packed in one item. */
final class StartedJobs {
    private StartedJobs() {
    }

    /**
     * The fields a start writes, with the values it wrote: the hash a take replies is as read before the start, so
     * the client sets these itself (see lib/take.lua).
     *
     * @param started the start's time as the script wrote it, an RQ timestamp
     */
    static String[] startFields(String workerName, String started) {
        return new String[] {"status", JobStatus.STARTED.wireName(), "started_at", started, "last_heartbeat", started,
                "worker_name", workerName};
    }

    /**
     * The started jobs in a take's reply item: read already by {@link TakeReplyCodec}, or the bytes that pack
     * them one after the other (read here, whose error says what is wrong with them).
     */
    static List<ClaimedJob> decode(JrqClient client, Object item, String[] startFields) {
        List<ClaimedJob> jobs = new ArrayList<>();
        if (item instanceof List<?> read) {
            for (Object started : read) {
                jobs.add(claimed(client, (PackedJobHash.Started) started));
            }
            return jobs;
        }
        PackedJobHash.Reader reader = PackedJobHash.reader((byte[]) item);
        do {
            jobs.add(claimed(client, reader.nextStarted(false, startFields)));
        } while (reader.hasNext());
        return jobs;
    }

    /** The one started job in a take's reply item; see {@link #decode(JrqClient, Object, String[])}. */
    static ClaimedJob decodeOne(JrqClient client, Object item, String[] startFields) {
        List<ClaimedJob> jobs = decode(client, item, startFields);
        if (jobs.size() != 1) {
            throw new IllegalStateException("a take of one job replied " + jobs.size());
        }
        return jobs.get(0);
    }

    /** A reply item that Redis sent as a bulk string. */
    static String text(Object item) {
        return new String((byte[]) item, StandardCharsets.UTF_8);
    }

    private static ClaimedJob claimed(JrqClient client, PackedJobHash.Started started) {
        return new ClaimedJob(started.queue(), client.codec().decodeJob(started.jobId(), started.hash()));
    }
}
