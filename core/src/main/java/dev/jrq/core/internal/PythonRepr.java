package dev.jrq.core.internal;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

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
        if (kwargs.isEmpty()) {
            return call.toString(); // why: most calls have none; the sorted stream below costs an enqueue ~1 µs
        }
        // why: RQ sorts the "key=value" strings, not the keys ("a1=2" comes before "a=1").
        kwargs.entrySet().stream().map(entry -> entry.getKey() + "=" + truncate(repr(entry.getValue())))
                .sorted().forEach(call::add);
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
            return reprString(text.toString());
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

    /** Python 3's {@code repr} of a str: single quotes unless only {@code '} occurs, control characters escaped. */
    private static String reprString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    private static String truncate(String text) {
        return text.length() > MAX_ARGUMENT ? text.substring(0, MAX_ARGUMENT) + "..." : text;
    }
}
