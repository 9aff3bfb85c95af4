package dev.jrq.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.client.codec.Codec;

/**
 * Group commit of script calls: calls that threads make while another call is on its way to Redis wait for it,
 * then go together, as one pipelined Redisson batch: one network write, one reply read, one hand-off to
 * Redisson's I/O thread and back for all of them, instead of one each. A call made while nothing is on its way goes
 * at once, alone, so a single thread pays nothing for this.
 *
 * <p>No thread of its own: the caller that finds no call on its way sends everything waiting (its own call
 * included), wakes the callers whose calls it sent, and hands the sending over to the first caller still waiting.
 * Each call is sent once; its script must be atomic on its own, as every {@link LuaScript} is.
 */
final class CombinedCalls {
    private final Scripts scripts;
    private final ConcurrentLinkedQueue<Call> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    CombinedCalls(Scripts scripts) {
        this.scripts = scripts;
    }

    /** Runs the call, with whatever other calls are waiting; returns its reply or throws its error. */
    Object run(LuaScript script, Codec codec, RScript.ReturnType returnType, List<Object> keys,
               Object[] encodedArgs) {
        Call call = new Call(script, codec, returnType, keys, encodedArgs, Thread.currentThread());
        waiting.add(call);
        while (!call.done) {
            if (sending.compareAndSet(false, true)) {
                try {
                    if (!call.done) {
                        sendAll(drainWaiting());
                    }
                } finally {
                    sending.set(false);
                }
                // why: a caller that queued while this batch was on its way is parked; it sends next
                Call next = waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } else {
                LockSupport.park(this);
            }
        }
        if (call.error != null) {
            throw call.error;
        }
        return call.reply;
    }

    private List<Call> drainWaiting() {
        List<Call> calls = new ArrayList<>();
        for (Call call = waiting.poll(); call != null; call = waiting.poll()) {
            calls.add(call);
        }
        return calls;
    }

    /** Sends the calls; why: whatever goes wrong, each call ends, so that no caller waits for ever. */
    private void sendAll(List<Call> calls) {
        try {
            send(calls);
        } catch (RuntimeException | Error e) {
            RuntimeException error = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("sending script calls failed: " + e, e);
            calls.stream().filter(call -> !call.done).forEach(call -> call.fail(error));
            throw e;
        }
    }

    private void send(List<Call> calls) {
        if (calls.size() == 1) {
            Call call = calls.get(0);
            try {
                call.succeed(scripts.runEncoded(call.script, call.codec, call.returnType, call.keys, call.args));
            } catch (RuntimeException e) {
                call.fail(e);
            }
            return;
        }
        RBatch batch = scripts.redis().createBatch();
        List<RFuture<Object>> replies = new ArrayList<>(calls.size());
        for (Call call : calls) {
            replies.add(scripts.addEncodedToBatch(batch, call.script, call.codec, call.returnType, call.keys,
                    call.args));
        }
        RuntimeException batchError = null;
        try {
            batch.execute();
        } catch (RuntimeException e) {
            batchError = e;
        }
        for (int i = 0; i < calls.size(); i++) {
            settle(calls.get(i), replies.get(i), batchError);
        }
    }

    /** Hands a call its own reply or error from the batch, running it again alone when Redis lacked the script. */
    private void settle(Call call, RFuture<Object> reply, RuntimeException batchError) {
        try {
            call.succeed(scripts.batchReply(reply, batchError, call.script,
                    () -> scripts.runEncoded(call.script, call.codec, call.returnType, call.keys, call.args)));
        } catch (RuntimeException e) {
            call.fail(e);
        }
    }

    /** One caller's script call, and its outcome once sent. */
    private static final class Call {
        final LuaScript script;
        final Codec codec;
        final RScript.ReturnType returnType;
        final List<Object> keys;
        final Object[] args;
        final Thread owner;
        Object reply;
        RuntimeException error;
        volatile boolean done;

        Call(LuaScript script, Codec codec, RScript.ReturnType returnType, List<Object> keys, Object[] args,
             Thread owner) {
            this.script = script;
            this.codec = codec;
            this.returnType = returnType;
            this.keys = keys;
            this.args = args;
            this.owner = owner;
        }

        void succeed(Object value) {
            reply = value;
            done = true;
            LockSupport.unpark(owner);
        }

        void fail(RuntimeException e) {
            error = e;
            done = true;
            LockSupport.unpark(owner);
        }
    }
}
