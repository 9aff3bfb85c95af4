package dev.jrq.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A job hash as a take replies it, read into what {@link JobCodec#decodeJob(String, PackedJobHash)} takes: the text
 * fields, where the {@code data} bytes lie, and the {@code meta} bytes. A take packs each hash with Redis's
 * {@code cmsgpack.pack}: from Redis 7.0 on as the string {@code DUMP} gives (read by {@link HashDump}), before as
 * an {@code HGETALL} reply (an array of field, value, ... strings).
 *
 * <p>why: a worker reads one per job it runs; reading values as text straight from the packed bytes, RQ's field
 * names as shared constants and empty values as {@code ""}, with no map of byte arrays in between, took a quarter
 * off what a drained job allocates.
 *
 * @param text every field but the {@link JobCodec#isBinaryField binary} ones, as text, in the hash's order
 * @param packed the bytes it was read from, which hold the zlib payload ({@code data}) unread
 * @param dataOffset where the payload starts in {@code packed}, -1 when the hash has no {@code data}
 * @param dataLength the payload's length in bytes
 * @param meta the serialized meta, {@code null} when absent (also in {@code text})
 */
public record PackedJobHash(JobFields text, byte[] packed, int dataOffset, int dataLength, byte[] meta) {
    /** The fields RQ and JRQ write, by length: a packed name equal to one of them is read as the constant. */
    private static final KnownField[][] KNOWN_FIELDS_BY_LENGTH = byLength(List.of("status", "created_at", "data",
            "success_callback_name", "failure_callback_name", "stopped_callback_name", "started_at", "ended_at",
            "last_heartbeat", "worker_name", "origin", "description", "enqueued_at", "timeout", "result_ttl",
            "failure_ttl", "ttl", "meta", "retries_left", "retry_intervals", "success_callback_timeout",
            "failure_callback_timeout", "stopped_callback_timeout", "dependency_id", "dependency_ids",
            "allow_dependency_failures", "enqueue_at_front", "exc_info", "group_id", "jrq_retry_jitter"));

    /** How many of the latest text values a reader compares a new one with; about two jobs' worth. */
    private static final int RECENT_VALUES = 32;
    private static final byte[] NO_BYTES = new byte[0];
    /** Each thread's reader of dumped hashes, reused: a job's values are copied out of it as they are read. */
    private static final ThreadLocal<HashDump> DUMPS = ThreadLocal.withInitial(HashDump::new);
    /** Each thread's record of where a packed hash's strings lie (offset, length, ...), reused hash after hash. */
    private static final ThreadLocal<int[][]> ITEM_SPANS = ThreadLocal.withInitial(() -> new int[][] {new int[64]});

    /** Whether the hash has a {@code data} field. */
    public boolean hasData() {
        return dataOffset >= 0;
    }

    /** A copy of the zlib payload, {@code null} when absent. */
    public byte[] data() {
        return hasData() ? Arrays.copyOfRange(packed, dataOffset, dataOffset + dataLength) : null;
    }

    /** Reads a packed hash; a reply that is not one is an error of the script that sent it. */
    public static PackedJobHash unpack(byte[] packed) {
        return unpack(packed, new String[0]);
    }

    /**
     * Reads a packed hash with some text fields given new values (field, value, ...), e.g. those a start has just
     * written; a given field that the hash lacks is added.
     */
    public static PackedJobHash unpack(byte[] packed, String... replaced) {
        return reader(packed).nextHash(replaced);
    }

    /** A reader of packed values one after the other, such as the queue name, id and hash of a started job. */
    public static Reader reader(byte[] packed) {
        return new Reader(packed, 0, packed.length);
    }

    /**
     * A reader of the packed values in {@code bytes} from {@code from} to {@code to}; the started jobs read from it
     * detached ({@link Reader#nextStarted}) keep nothing of {@code bytes}, which may be reused once they are read.
     */
    public static Reader reader(byte[] bytes, int from, int to) {
        return new Reader(bytes, from, to);
    }

    /**
     * A job a take started, as lib/take.lua packs it: its queue's name, its id and its hash.
     *
     * @param queue the queue it was taken from
     * @param jobId its id
     * @param hash  its hash, with the fields the start wrote set to the values it wrote
     */
    public record Started(String queue, String jobId, PackedJobHash hash) {
    }

    /**
     * Reads the part of MessagePack that {@code cmsgpack.pack} writes for strings and arrays of strings: an array
     * header, then str (or, in newer versions, bin) items.
     *
     * <p>why not msgpack-core's {@code MessageUnpacker}: its reads by reference wrap each item in a new
     * {@code MessageBuffer}, a tenth of what a drained job allocated (JFR); here each value is read straight into
     * its {@code String}.
     */
    public static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;
        /**
         * The last text values read (a ring), those of the job before included: a value whose bytes equal one of
         * them is that {@code String} again. why: the jobs a take replies share their queue, origin and
         * timeout, and a job's enqueued_at is often its created_at; a new String for each was a sixth of what
         * reading a job allocated (JFR).
         */
        private final String[] recent = new String[RECENT_VALUES];
        private int recentCount;

        private Reader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.at = from;
            this.end = to;
        }

        /** Whether any value is left to read. */
        public boolean hasNext() {
            return at < end;
        }

        /** The next value, a packed hash; see {@link PackedJobHash#unpack(byte[], String...)}. */
        public PackedJobHash nextHash(String... replaced) {
            return nextHash(false, replaced);
        }

        /**
         * The next started job: its queue name, id and hash, with the fields its start wrote given their new values
         * ({@code replaced}: field, value, ...); with {@code detached}, its hash keeps a copy of its payload, not
         * the bytes read.
         */
        public Started nextStarted(boolean detached, String... replaced) {
            String queue = nextText();
            String jobId = nextText();
            return new Started(queue, jobId, nextHash(detached, replaced));
        }

        private PackedJobHash nextHash(boolean detached, String... replaced) {
            if (nextIsString()) {
                return nextDumpedHash(replaced);
            }
            int items = arrayHeader();
            int[][] kept = ITEM_SPANS.get();
            if (kept[0].length < 2 * items) {
                kept[0] = new int[2 * items];
            }
            int[] spans = kept[0];
            for (int i = 0; i < items; i++) {
                int length = stringHeader();
                require(length);
                spans[2 * i] = at;
                spans[2 * i + 1] = length;
                at += length;
            }
            return hash(bytes, spans, items, detached, replaced);
        }

        /**
         * The next value, a hash as {@code DUMP} gave it (see {@link HashDump}); read detached, as its bytes are the
         * thread's reader's, read again for the next job.
         */
        private PackedJobHash nextDumpedHash(String... replaced) {
            int length = stringHeader();
            require(length);
            HashDump dump = DUMPS.get();
            dump.read(bytes, at, at + length);
            at += length;
            return hash(dump.bytes(), dump.spans(), 2 * dump.fields(), true, replaced);
        }

        /**
         * A hash of field, value, ... strings lying in {@code source} at {@code spans} (offset, length of each):
         * the payload ({@code data}) left where it lies, or copied out when {@code detached}; {@code exc_info}
         * skipped; the fields in {@code replaced} given their values there.
         */
        private PackedJobHash hash(byte[] source, int[] spans, int strings, boolean detached, String... replaced) {
            String[] text = new String[strings + replaced.length];
            int fields = 0;
            int dataOffset = -1;
            int dataLength = 0;
            byte[] meta = null;
            for (int i = 0; i + 1 < strings; i += 2) {
                String field = fieldName(source, spans[2 * i], spans[2 * i + 1]);
                int from = spans[2 * i + 2];
                int length = spans[2 * i + 3];
                String value;
                if ("data".equals(field)) {
                    // why: read where it lies (inflated from there), not copied out, unless detached
                    dataOffset = from;
                    dataLength = length;
                    continue;
                } else if ("exc_info".equals(field)) {
                    continue;
                } else if ("meta".equals(field)) {
                    meta = Arrays.copyOfRange(source, from, from + length);
                    value = new String(meta, StandardCharsets.UTF_8);
                } else {
                    int given = JobFields.indexOf(replaced, replaced.length, field);
                    value = given < 0 ? text(source, from, length) : replaced[given + 1];
                }
                text[2 * fields] = field;
                text[2 * fields++ + 1] = value;
            }
            JobFields read = new JobFields(text, addMissing(text, fields, replaced));
            if (dataOffset < 0) {
                return new PackedJobHash(read, NO_BYTES, -1, 0, meta);
            }
            if (detached) {
                return new PackedJobHash(read, Arrays.copyOfRange(source, dataOffset, dataOffset + dataLength), 0,
                        dataLength, meta);
            }
            return new PackedJobHash(read, source, dataOffset, dataLength, meta);
        }

        /** Adds the given fields the hash lacks to {@code text}, which holds {@code fields}; returns how many now. */
        private static int addMissing(String[] text, int fields, String... replaced) {
            int count = fields;
            for (int i = 0; i < replaced.length; i += 2) {
                if (JobFields.indexOf(text, 2 * count, replaced[i]) < 0) {
                    text[2 * count] = replaced[i];
                    text[2 * count++ + 1] = replaced[i + 1];
                }
            }
            return count;
        }

        /** The next value, a string, as text. */
        public String nextText() {
            return text(stringHeader());
        }

        /** Whether the next value is a string (not an array). */
        private boolean nextIsString() {
            require(1);
            int format = bytes[at] & 0xff;
            return (format & 0xe0) == 0xa0 || (format >= 0xc4 && format <= 0xc6) || (format >= 0xd9 && format <= 0xdb);
        }

        private int arrayHeader() {
            int format = next();
            if ((format & 0xf0) == 0x90) {
                return format & 0x0f;
            }
            return switch (format) {
                case 0xdc -> length(2);
                case 0xdd -> length(4);
                default -> throw notAHash(String.format("item at byte %d is 0x%02x, not an array", at - 1, format));
            };
        }

        private int stringHeader() {
            int format = next();
            if ((format & 0xe0) == 0xa0) {
                return format & 0x1f;
            }
            return switch (format) {
                case 0xd9, 0xc4 -> length(1);
                case 0xda, 0xc5 -> length(2);
                case 0xdb, 0xc6 -> length(4);
                default -> throw notAHash(String.format("item at byte %d is 0x%02x, not a string", at - 1, format));
            };
        }

        /** The field name in {@code source[from..from+length)}. */
        private String fieldName(byte[] source, int from, int length) {
            if (length < KNOWN_FIELDS_BY_LENGTH.length) {
                for (KnownField known : KNOWN_FIELDS_BY_LENGTH[length]) {
                    if (Arrays.equals(source, from, from + length, known.bytes(), 0, length)) {
                        return known.name();
                    }
                }
            }
            return text(source, from, length);
        }

        /** The next {@code length} bytes as text. */
        private String text(int length) {
            require(length);
            at += length;
            return text(bytes, at - length, length);
        }

        /** {@code source[from..from+length)} as text: a recent value equal to it, or a new String. */
        private String text(byte[] source, int from, int length) {
            if (length == 0) {
                return "";
            }
            for (int back = 1; back <= Math.min(recentCount, RECENT_VALUES); back++) {
                String candidate = recent[(recentCount - back) % RECENT_VALUES];
                if (sameAscii(candidate, source, from, length)) {
                    return candidate;
                }
            }
            String value = new String(source, from, length, StandardCharsets.UTF_8);
            recent[recentCount++ % RECENT_VALUES] = value;
            return value;
        }

        /** Whether the text is {@code source[from..from+length)}, all of it ASCII. */
        private static boolean sameAscii(String text, byte[] source, int from, int length) {
            if (text.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                byte b = source[from + i];
                if (b < 0 || text.charAt(i) != b) {
                    return false;
                }
            }
            return true;
        }

        private int next() {
            require(1);
            return bytes[at++] & 0xff;
        }

        /** A big-endian unsigned length of {@code width} bytes. */
        private int length(int width) {
            require(width);
            long value = 0;
            for (int i = 0; i < width; i++) {
                value = value << 8 | (bytes[at++] & 0xff);
            }
            if (value > Integer.MAX_VALUE) {
                throw notAHash("an item claims " + value + " bytes");
            }
            return (int) value;
        }

        private void require(int length) {
            if (length > end - at) {
                throw notAHash("it ends at byte " + end + ", inside an item");
            }
        }

        private static IllegalStateException notAHash(String why) {
            return new IllegalStateException("a take's reply held no packed job hash: " + why);
        }
    }

    private static KnownField[][] byLength(List<String> names) {
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        KnownField[][] table = new KnownField[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int size = length;
            table[length] = names.stream().filter(name -> name.length() == size)
                    .map(name -> new KnownField(name, name.getBytes(StandardCharsets.US_ASCII)))
                    .toArray(KnownField[]::new);
        }
        return table;
    }

    private record KnownField(String name, byte[] bytes) {
    }
}
