package dev.jrq.core.internal;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * RQ's default job description, the Python call string: {@code test_job.i_am_a_job(7, name='x')}. Each
 * argument is written as Python's {@code repr} would and cut to 75 characters plus {@code ...}; keyword
 * arguments are sorted.
 */
public final class PythonRepr {
    private static final int MAX_ARGUMENT = 75;

    private PythonRepr() {
    }

    public static String callString(String name, List<Object> args, Map<String, Object> kwargs) {
        StringJoiner call = new StringJoiner(", ", name + "(", ")");
        args.forEach(arg -> call.add(truncate(repr(arg))));
        new TreeMap<>(kwargs).forEach((key, value) -> call.add(key + "=" + truncate(repr(value))));
        return call.toString();
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof CharSequence text) {
            return "'" + text.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            list.forEach(item -> joined.add(repr(item)));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((key, item) -> joined.add(repr(key) + ": " + repr(item)));
            return joined.toString();
        }
        return String.valueOf(value);
    }

    private static String truncate(String text) {
        return text.length() > MAX_ARGUMENT ? text.substring(0, MAX_ARGUMENT) + "..." : text;
    }
}
