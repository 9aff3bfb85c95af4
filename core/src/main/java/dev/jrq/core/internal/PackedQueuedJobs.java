package dev.jrq.core.internal;

import dev.jrq.api.JobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * A run of new queued jobs packed into one argument of enqueue_many.lua: one flat MessagePack array holding each
 * job's item count and then its items, as {@link JobCodec#packQueuedJob(org.msgpack.core.MessagePacker, boolean,
 * String, boolean, JobRequest, String)} packs them (why flat: an array per job is a Lua table per job for Redis).
 *
 * <p>why: the jobs are added one by one and the array's length is known only at the end; its header is written
 * first in MessagePack's fixed-width form ({@code array 32}) and its length filled in by {@link #toBytes()}, so
 * the packed jobs are copied once.
 */
public final class PackedQueuedJobs {
    private static final int ARRAY32 = 0xdd;
    private static final int HEADER_LENGTH = 5;
    /** why: a thousand jobs pack into a few hundred KiB; the default 8 KiB chunks would be many. */
    private static final MessagePack.PackerConfig PACKING = new MessagePack.PackerConfig().withBufferSize(64 * 1024);

    private final JobCodec codec;
    private final MessageBufferPacker packer = PACKING.newBufferPacker();
    private int count;
    private int values;

    public PackedQueuedJobs(JobCodec codec) {
        this.codec = codec;
        try {
            packer.writePayload(new byte[] {(byte) ARRAY32, 0, 0, 0, 0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs one more job; see {@link JobCodec#packQueuedJob(String, boolean, JobRequest, String)}. */
    public void add(String jobId, boolean idGiven, JobRequest request, String createdAt) {
        values += codec.packQueuedJob(packer, true, jobId, idGiven, request, createdAt);
        count++;
    }

    /** How many jobs were added. */
    public int count() {
        return count;
    }

    /** The packed array of the jobs added so far. */
    public byte[] toBytes() {
        byte[] bytes = packer.toByteArray();
        for (int i = 0; i < HEADER_LENGTH - 1; i++) {
            bytes[HEADER_LENGTH - 1 - i] = (byte) (values >>> (8 * i));
        }
        return bytes;
    }
}
