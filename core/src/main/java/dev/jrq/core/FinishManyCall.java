package dev.jrq.core;

import dev.jrq.core.internal.JobCodec;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.internal.RqTime;
import dev.jrq.core.internal.TakeReplyCodec;
import dev.jrq.core.internal.ThreadPacker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessagePacker;

/**
 * One call of finish_many.lua, built and read: a slot's successes to write and the jobs to take for it
 * ({@link WorkerStore#finishMany}). Sent alone, with other slots' calls, or in front of the slot's next wait
 * ({@link WorkerStore#finishThenWait}).
 */
final class FinishManyCall {
    private final JrqClient client;
    /** The fields the start of each job taken writes, and their values (the call's time, the worker's name). */
    private final String[] startFields;
    private final List<String> keys;
    private final Object[] args;

    /**
     * @param lease how long the leases of the jobs taken last
     * @see WorkerStore#finishMany(String, List, List, int, boolean, boolean)
     */
    FinishManyCall(JrqClient client, Duration lease, String workerName, List<WorkerStore.Success> successes,
                   List<String> takeQueues, int wanted, boolean slotStillBusy, boolean rotate) {
        this.client = client;
        Instant now = client.clock().instant();
        String nowText = RqTime.format(now);
        this.startFields = StartedJobs.startFields(workerName, nowText);
        List<String> queues = new ArrayList<>(wanted > 0 ? takeQueues : List.of());
        int takeFrom = queues.size();
        for (WorkerStore.Success success : successes) {
            if (!queues.contains(success.job().queue())) {
                queues.add(success.job().queue());
            }
        }
        keys = new ArrayList<>(3 + 3 * queues.size());
        keys.add(RqKeys.worker(workerName));
        keys.add(RqKeys.SUSPENDED);
        keys.add(RqKeys.JRQ_STATS);
        for (String queue : queues) {
            keys.add(RqKeys.queue(queue));
            keys.add(RqKeys.registry("wip", queue));
            keys.add(RqKeys.registry("finished", queue));
        }
        List<Object> list = new ArrayList<>(16 + queues.size());
        list.add(workerName);
        list.add(nowText);
        list.add(RqTime.epochMillisText(now));
        list.add(now.plus(lease).getEpochSecond());
        list.add(RqKeys.JOB_PREFIX);
        list.add(RqKeys.results(""));
        list.add(RqKeys.QUEUE_PREFIX);
        list.add(RqKeys.registry("deferred", ""));
        list.add(RqKeys.QUEUES);
        list.add(takeFrom == 0 ? 0 : wanted);
        list.add(slotStillBusy ? "keep" : "auto");
        list.add(queues.size());
        list.add(takeFrom);
        list.addAll(queues);
        list.add(packSuccesses(successes, queues));
        list.add(rotate ? "rotate" : "priority");
        args = list.toArray();
    }

    List<String> keys() {
        return keys;
    }

    Object[] args() {
        return args;
    }

    /** The codec its reply is read with: see {@link TakeReplyCodec}. */
    TakeReplyCodec codec() {
        return new TakeReplyCodec(startFields);
    }

    /** What the call did, from its reply: {flags, taken, then the jobs taken packed one after the other}. */
    WorkerStore.Batch read(List<Object> reply) {
        String flags = StartedJobs.text(reply.get(0));
        List<Boolean> recorded = new ArrayList<>(flags.length());
        for (int i = 0; i < flags.length(); i++) {
            recorded.add(flags.charAt(i) == '1');
        }
        int taken = ((Number) reply.get(1)).intValue();
        List<ClaimedJob> jobs = taken > 0 ? StartedJobs.decode(client, reply.get(2), startFields) : List.of();
        if (jobs.size() != Math.max(taken, 0)) {
            throw new IllegalStateException("finish_many.lua took " + taken + " jobs and replied " + jobs.size());
        }
        return new WorkerStore.Batch(recorded, jobs, taken < 0);
    }

    /** The successes as finish_many.lua unpacks them: one MessagePack array, four values per success. */
    private static byte[] packSuccesses(List<WorkerStore.Success> successes, List<String> queues) {
        MessagePacker packer = ThreadPacker.start();
        try {
            packer.packArrayHeader(4 * successes.size());
            for (WorkerStore.Success success : successes) {
                Duration resultTtl = success.job().record().resultTtl();
                ThreadPacker.packText(packer, success.job().jobId());
                packer.packInt(queues.indexOf(success.job().queue()) + 1);
                packer.packLong(resultTtl == null ? JobCodec.DEFAULT_RESULT_TTL_SECONDS : resultTtl.getSeconds());
                ThreadPacker.packText(packer, success.encodedResult());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the successes", e); // why: in memory, never
        }
        return ThreadPacker.finish();
    }
}
