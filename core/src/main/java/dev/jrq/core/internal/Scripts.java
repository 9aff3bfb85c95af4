package dev.jrq.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.Codec;

/**
 * Runs {@link LuaScript}s by SHA: each is loaded once ({@code SCRIPT LOAD}) and called with {@code EVALSHA};
 * when Redis has forgotten it (a restart, {@code SCRIPT FLUSH}) it is loaded again and the call repeated.
 * Arguments travel as bytes ({@code ByteArrayCodec}): strings as UTF-8, {@code byte[]} as they are. Every call
 * goes through Redisson.
 */
public final class Scripts {
    private final RedissonClient redis;
    private final Map<LuaScript, String> shas = new ConcurrentHashMap<>();
    private final CombinedCalls combined = new CombinedCalls(this);

    public Scripts(RedissonClient redis) {
        this.redis = redis;
    }

    RedissonClient redis() {
        return redis;
    }

    /** Runs a script that returns an integer. One round trip (two the first time, to load it). */
    public long runForLong(LuaScript script, List<String> keys, Object... args) {
        Long value = run(script, RScript.ReturnType.LONG, keys, args);
        return value == null ? 0 : value;
    }

    /** Runs a script that returns a bulk string, as text ({@code null} for a nil reply). */
    public String runForString(LuaScript script, List<String> keys, Object... args) {
        byte[] value = run(script, RScript.ReturnType.VALUE, keys, args);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Runs a script that returns an array of bulk strings. */
    public List<byte[]> runForList(LuaScript script, List<String> keys, Object... args) {
        List<Object> values = run(script, RScript.ReturnType.LIST, keys, args);
        List<byte[]> bytes = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            values.forEach(value -> bytes.add((byte[]) value));
        }
        return bytes;
    }

    /** Runs a script that returns an array of integers or strings, decoded as Redisson gives them. */
    public List<Object> runForObjects(LuaScript script, List<String> keys, Object... args) {
        return runForObjects(script, ByteArrayCodec.INSTANCE, keys, args);
    }

    /** Runs a script that returns an array, its strings decoded by {@code codec} (e.g. {@link TakeReplyCodec}). */
    @SuppressWarnings("unchecked") // why: a LIST reply is a List
    public List<Object> runForObjects(LuaScript script, Codec codec, List<String> keys, Object... args) {
        List<Object> values = (List<Object>) runEncoded(script, codec, RScript.ReturnType.LIST, new ArrayList<>(keys),
                encode(args));
        return values == null ? List.of() : values;
    }

    /**
     * Runs a script that returns an array as {@link #runForObjects} does, sent together with the calls other
     * threads make at the same moment (one pipelined batch, see {@link CombinedCalls}): for the hot paths that
     * many threads of one process take at once, such as the worker slots' finishes.
     */
    public List<Object> runCombinedForObjects(LuaScript script, List<String> keys, Object... args) {
        return runCombinedForObjects(script, ByteArrayCodec.INSTANCE, keys, args);
    }

    /** {@link #runCombinedForObjects(LuaScript, List, Object...)}, the reply's strings decoded by {@code codec}. */
    public List<Object> runCombinedForObjects(LuaScript script, Codec codec, List<String> keys, Object... args) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) combined.run(script, codec, RScript.ReturnType.LIST,
                new ArrayList<>(keys), encode(args));
        return values == null ? List.of() : values;
    }

    /** Runs a script that returns an integer, combined with other threads' calls as {@link #runCombinedForObjects}. */
    public long runCombinedForLong(LuaScript script, List<String> keys, Object... args) {
        Long value = (Long) combined.run(script, ByteArrayCodec.INSTANCE, RScript.ReturnType.LONG,
                new ArrayList<>(keys), encode(args));
        return value == null ? 0 : value;
    }

    /** Adds a script call that returns an integer to a batch; the batch sends it with the others. */
    @SuppressWarnings("unchecked") // why: a LONG reply is a Long
    public RFuture<Long> addToBatch(RBatch batch, LuaScript script, List<String> keys, Object... args) {
        return (RFuture<Long>) (RFuture<?>) addEncodedToBatch(batch, script, ByteArrayCodec.INSTANCE,
                RScript.ReturnType.LONG, new ArrayList<>(keys), encode(args));
    }

    /** Adds a script call that returns an array (of integers or strings) to a batch. */
    @SuppressWarnings("unchecked") // why: a LIST reply is a List
    public RFuture<List<Object>> addListToBatch(RBatch batch, LuaScript script, List<String> keys, Object... args) {
        return addListToBatch(batch, script, ByteArrayCodec.INSTANCE, keys, args);
    }

    /** Adds a script call that returns an array to a batch, its strings decoded by {@code codec}. */
    @SuppressWarnings("unchecked") // why: a LIST reply is a List
    public RFuture<List<Object>> addListToBatch(RBatch batch, LuaScript script, Codec codec, List<String> keys,
                                                Object... args) {
        return (RFuture<List<Object>>) (RFuture<?>) addEncodedToBatch(batch, script, codec, RScript.ReturnType.LIST,
                new ArrayList<>(keys), encode(args));
    }

    /** Makes sure Redis knows the script, e.g. before a batch that calls it. */
    public void load(LuaScript script) {
        sha(script);
    }

    /** Forgets the loaded SHAs, after an error that says Redis no longer has them. */
    public void forgetLoaded() {
        shas.clear();
    }

    /**
     * One script call's reply from a pipelined batch, or its error. A call that failed with {@code NOSCRIPT} (Redis
     * had forgotten the script: a restart, {@code SCRIPT FLUSH}) did not run, so it runs again alone through
     * {@code runAlone}, which loads the script.
     *
     * @param batchError the batch's own error, {@code null} when it had none; thrown when the call has no reply
     */
    public <T> T batchReply(RFuture<T> reply, RuntimeException batchError, LuaScript script, Supplier<T> runAlone) {
        if (!reply.isDone()) {
            throw batchError != null ? batchError
                    : new IllegalStateException("the batch ended without a reply to " + script);
        }
        try {
            return reply.toCompletableFuture().join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
            if (!isNoScript(cause)) {
                throw cause;
            }
            forgetLoaded();
            return runAlone.get();
        }
    }

    /** Whether an error says a script is not loaded (Redis restarted or its script cache was flushed). */
    public static boolean isNoScript(Throwable error) {
        return says(error, "NOSCRIPT");
    }

    /** Whether an error, or one of its causes, has {@code text} in its message (Redis's error replies, mostly). */
    public static boolean says(Throwable error, String text) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private <R> R run(LuaScript script, RScript.ReturnType returnType, List<String> keys, Object... args) {
        return (R) runEncoded(script, ByteArrayCodec.INSTANCE, returnType, new ArrayList<>(keys), encode(args));
    }

    /** Runs a script with arguments encoded already, loading it again once when Redis has forgotten it. */
    Object runEncoded(LuaScript script, Codec codec, RScript.ReturnType returnType, List<Object> keyList,
                      Object[] encoded) {
        RScript scripts = redis.getScript(codec);
        try {
            return scripts.evalSha(RScript.Mode.READ_WRITE, sha(script), returnType, keyList, encoded);
        } catch (RedisException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            shas.remove(script);
            return scripts.evalSha(RScript.Mode.READ_WRITE, sha(script), returnType, keyList, encoded);
        }
    }

    /** Adds a call with arguments encoded already to a batch. */
    RFuture<Object> addEncodedToBatch(RBatch batch, LuaScript script, Codec codec, RScript.ReturnType returnType,
                                      List<Object> keyList, Object[] encoded) {
        return batch.getScript(codec).evalShaAsync(RScript.Mode.READ_WRITE, sha(script),
                returnType, keyList, encoded);
    }

    private String sha(LuaScript script) {
        return shas.computeIfAbsent(script, s -> redis.getScript(ByteArrayCodec.INSTANCE).scriptLoad(s.source()));
    }

    private static Object[] encode(Object[] args) {
        Object[] encoded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            // why: most arguments are strings; testing for them first spares a megamorphic toString per argument
            encoded[i] = arg instanceof byte[] bytes ? bytes : arg instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8) : String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    /** Flattens keys given as several collections into one list, in order. */
    @SafeVarargs
    public static List<String> keys(Collection<String>... parts) {
        List<String> all = new ArrayList<>();
        for (Collection<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
