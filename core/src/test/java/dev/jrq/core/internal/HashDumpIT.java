package dev.jrq.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RMap;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;

/** {@link HashDump} reads what the Redis under test dumps of a hash: every field and value HGETALL gives. */
@ExtendWith(RedisServerExtension.class)
class HashDumpIT {
    /** Values Redis keeps as integers in a listpack or an RDB string, at each width, and texts it must not. */
    private static final List<String> NUMBERS = List.of("0", "7", "127", "128", "-1", "-64", "4095", "-4096", "8191",
            "-8192", "32767", "-32768", "65535", "8388607", "-8388608", "2147483647", "-2147483648", "4294967296",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "007", "+3", "1.5", "-0", " 1");

    @Test
    void read_aJobHashKeptAsAListpack_everyFieldAsHgetallGivesIt(TestRedis redis) {
        Map<String, String> job = rqJob("x".repeat(56));
        job.put("meta", "{\"progress\": 3, \"who\": \"Zoë\"}");
        numbers(job);
        write(redis, "rq:job:small", job);

        byte[] dump = dump(redis, "rq:job:small");
        assertThat(dump[0] & 0xff).as("kept as a listpack").isEqualTo(HashDump.TYPE_LISTPACK);
        assertThat(dump[1] & 0xff).as("the listpack compressed with LZF").isEqualTo(0xc3);
        assertThat(read(dump)).containsExactlyEntriesOf(redis.hash("rq:job:small"));
    }

    @Test
    void read_aListpackWithLongStringsAndNoCompression_everyField(TestRedis redis) {
        setListpackValueLimit(redis, 9000);
        try {
            Map<String, String> hash = new LinkedHashMap<>();
            hash.put("short", "ab");
            hash.put("twelve-bit", randomText(3000, 1));
            hash.put("six-bit", randomText(63, 2));
            hash.put("seven-bit-length", randomText(200, 3));
            write(redis, "big-listpack", hash);
            byte[] dump = dump(redis, "big-listpack");
            assertThat(dump[0] & 0xff).isEqualTo(HashDump.TYPE_LISTPACK);
            assertThat(read(dump)).containsExactlyEntriesOf(hash);
        } finally {
            setListpackValueLimit(redis, 64);
        }
    }

    @Test
    void read_aJobHashKeptAsATable_everyFieldWhateverItsEncoding(TestRedis redis) {
        Map<String, String> job = rqJob(randomText(300, 4));
        job.put("description", "counter.visit('" + "a".repeat(200) + "')"); // why: LZF-compressed on its own
        numbers(job);
        write(redis, "rq:job:big", job);

        byte[] dump = dump(redis, "rq:job:big");
        assertThat(dump[0] & 0xff).as("kept as a table").isEqualTo(HashDump.TYPE_TABLE);
        assertThat(read(dump)).containsExactlyInAnyOrderEntriesOf(redis.hash("rq:job:big"));
    }

    @Test
    void read_binaryValues_theSameBytes(TestRedis redis) {
        byte[] zlib = new byte[40];
        new Random(5).nextBytes(zlib);
        RMap<byte[], byte[]> map = redis.raw().getMap("binary", ByteArrayCodec.INSTANCE);
        map.put("data".getBytes(StandardCharsets.UTF_8), zlib);
        HashDump reader = new HashDump();
        byte[] dump = dump(redis, "binary");
        reader.read(dump, 0, dump.length);
        assertThat(Arrays.copyOfRange(reader.bytes(), reader.offset(1), reader.offset(1) + reader.length(1)))
                .isEqualTo(zlib);
    }

    @Test
    void read_notAHashOrCutShort_saysWhatIsWrong(TestRedis redis) {
        redis.raw().getBucket("text", StringCodec.INSTANCE).set("hello");
        byte[] text = dump(redis, "text");
        assertThatThrownBy(() -> new HashDump().read(text, 0, text.length)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a take's reply held no readable dump of a job hash: its type is 0, not a hash kept as a "
                        + "listpack (16) or a table (4)");

        write(redis, "rq:job:cut", rqJob("y".repeat(30)));
        byte[] dump = dump(redis, "rq:job:cut");
        for (int cut : new int[] {1, 5, dump.length / 2, dump.length - 11}) {
            assertThatThrownBy(() -> new HashDump().read(dump, 0, cut + 10)).as("cut at %d", cut)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a take's reply held no readable dump of a job hash: ");
        }
    }

    /** Redis's hash-max-listpack-value: a hash with a longer value is kept as a table. */
    private static void setListpackValueLimit(TestRedis redis, int bytes) {
        redis.raw().getRedisNodes(RedisNodes.SINGLE).getInstance().setConfig("hash-max-listpack-value",
                Integer.toString(bytes));
    }

    private static Map<String, String> rqJob(String data) {
        Map<String, String> job = new LinkedHashMap<>();
        job.put("status", "queued");
        job.put("created_at", "2026-12-07T00:40:01.123456Z");
        job.put("data", data);
        for (String empty : List.of("success_callback_name", "failure_callback_name", "started_at", "ended_at",
                "last_heartbeat", "worker_name")) {
            job.put(empty, "");
        }
        job.put("origin", "default");
        job.put("description", "counter.visit('/home')");
        job.put("enqueued_at", "2026-12-07T00:40:01.123456Z");
        job.put("timeout", "180");
        return job;
    }

    private static void numbers(Map<String, String> hash) {
        for (int i = 0; i < NUMBERS.size(); i++) {
            hash.put("n" + i, NUMBERS.get(i));
        }
    }

    private static String randomText(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }

    private static void write(TestRedis redis, String key, Map<String, String> hash) {
        redis.raw().getMap(key, StringCodec.INSTANCE).putAll(hash);
    }

    private static byte[] dump(TestRedis redis, String key) {
        return redis.raw().getBucket(key, ByteArrayCodec.INSTANCE).dump();
    }

    private static Map<String, String> read(byte[] dump) {
        HashDump reader = new HashDump();
        reader.read(dump, 0, dump.length);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 2 * reader.fields(); i += 2) {
            fields.put(reader.text(i), reader.text(i + 1));
        }
        return fields;
    }
}
