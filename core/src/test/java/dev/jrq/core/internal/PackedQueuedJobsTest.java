package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.core.JsonSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class PackedQueuedJobsTest {
    private final JobCodec codec = new JobCodec(new JsonSerializer());

    @Test
    void toBytes_jobsAddedOneByOne_oneFlatArrayOfThemAllInOrder_eachCountThenItsItemsAsStrings() throws IOException {
        PackedQueuedJobs jobs = new PackedQueuedJobs(codec);
        for (int i = 0; i < 300; i++) {
            jobs.add("job-" + i, false, JobRequest.of("mails.send", i), "2026-12-04T18:00:00.000001Z");
        }
        jobs.add("given", true, JobRequest.of("mails.send").withOptions(JobOptions.builder().jobId("given")
                .unique(true).atFront(true).ttl(Duration.ofSeconds(60)).resultTtl(Duration.ofSeconds(5)).build()),
                "2026-12-04T18:00:00.000002Z");

        List<List<String>> unpacked = unpack(jobs.toBytes());

        assertThat(jobs.count()).isEqualTo(301);
        assertThat(unpacked).hasSize(301);
        assertThat(unpacked.get(0)).hasSize(7).startsWith("job-0", "", "0", "2026-12-04T18:00:00.000001Z")
                .endsWith("mails.send(0)", "180");
        assertThat(unpacked.get(299).get(0)).isEqualTo("job-299");
        assertThat(unpacked.get(300)).startsWith("given", "FUG", "60", "2026-12-04T18:00:00.000002Z")
                .containsSubsequence("result_ttl", "5", "ttl", "60");
    }

    @Test
    void toBytes_noJob_anEmptyArray() throws IOException {
        assertThat(unpack(new PackedQueuedJobs(codec).toBytes())).isEmpty();
    }

    /** Reads the packed jobs as Redis's cmsgpack would: it takes no bin type, so every item must be a str. */
    private static List<List<String>> unpack(byte[] packed) throws IOException {
        List<List<String>> jobs = new ArrayList<>();
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(packed)) {
            int values = unpacker.unpackArrayHeader();
            for (int i = 0; i < values; i++) {
                int items = unpacker.unpackInt();
                i += items;
                List<String> job = new ArrayList<>(items);
                for (int item = 0; item < items; item++) {
                    assertThat(unpacker.getNextFormat().getValueType()).isEqualTo(MessageFormat.FIXSTR.getValueType());
                    int length = unpacker.unpackRawStringHeader();
                    job.add(new String(unpacker.readPayload(length), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                jobs.add(job);
            }
            assertThat(unpacker.hasNext()).isFalse();
        }
        return jobs;
    }
}
