package dev.jrq.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Lua scripts in {@code dev/jrq/core/lua}, one per multi-key operation; KEYS and ARGV are documented in each. */
public enum LuaScript {
    ENQUEUE("enqueue.lua", "queued_job.lua"),
    ENQUEUE_MANY("enqueue_many.lua", "queued_job.lua"),
    DEQUEUE("dequeue.lua", "take.lua"),
    DEQUEUE_HANDOFF("dequeue_handoff.lua", "take.lua", "rq_time.lua"),
    RETURN_HANDED_OFF("return_handed_off.lua"),
    FINISH_MANY("finish_many.lua", "dependents.lua", "take.lua", "result_stream.lua"),
    GIVE_BACK("give_back.lua"),
    FINISH_FAILURE("finish_failure.lua", "dependents.lua", "result_stream.lua"),
    EMPTY_QUEUE("empty_queue.lua"),
    DELETE_JOB("delete_job.lua"),
    CANCEL_JOB("cancel_job.lua", "dependents.lua"),
    REQUEUE_JOB("requeue_job.lua"),
    REGISTER_WORKER("register_worker.lua"),
    UNREGISTER_WORKER("unregister_worker.lua"),
    HEARTBEAT("heartbeat.lua"),
    REQUEUE_RUNNING("requeue_running.lua", "result_stream.lua"),
    SCHEDULE_JOB("schedule_job.lua"),
    PEEK_SCHEDULED("peek_scheduled.lua"),
    MOVE_DUE("move_due.lua"),
    HOLD_SCHEDULER_LOCK("hold_scheduler_lock.lua"),
    RELEASE_SCHEDULER_LOCK("release_scheduler_lock.lua"),
    SAVE_SCHEDULE("save_schedule.lua"),
    FIRE_SCHEDULE("fire_schedule.lua", "queued_job.lua"),
    SET_SCHEDULE_PAUSED("set_schedule_paused.lua"),
    REMOVE_SCHEDULE("remove_schedule.lua"),
    SAMPLE_THROUGHPUT("sample_throughput.lua"),
    REDIS_TIME("redis_time.lua");

    private final String resource;
    private final String[] libraries;
    private volatile String source;

    /** A script that uses the functions of libraries in {@code lua/lib}, prepended to it when loaded. */
    LuaScript(String resource, String... libraries) {
        this.resource = resource;
        this.libraries = libraries;
    }

    /** The script's text (its libraries first), read from the class path once. */
    public String source() {
        String text = source;
        if (text == null) {
            StringBuilder all = new StringBuilder();
            for (String library : libraries) {
                all.append(read("lib/" + library)).append('\n');
            }
            text = all.append(read(resource)).toString();
            source = text;
        }
        return text;
    }

    private static String read(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream("/dev/jrq/core/lua/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + name, e);
        }
    }
}
