package dev.jrq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's arguments written as {@code rq enqueue} reads them (RQ's {@code parse_function_args}): {@code text} and
 * {@code key=text} are strings, {@code :json} and {@code key:=json} are JSON values, and a value starting with
 * {@code @} is read from that file ({@code @file}, {@code key=@file}, {@code :@file.json}, {@code key:=@file.json}).
 * RQ's Python literals ({@code %...}) have no Java meaning and are refused.
 *
 * <pre>{@code
 * FunctionArguments.parse(List.of("ada", ":7", "lang=en", "tags:=[\"a\"]"));
 * // args ["ada", 7], kwargs {lang: "en", tags: ["a"]}
 * }</pre>
 *
 * @param args   the positional arguments, in order
 * @param kwargs the keyword arguments, in order
 */
record FunctionArguments(List<Object> args, Map<String, Object> kwargs) {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    FunctionArguments {
        args = Collections.unmodifiableList(new ArrayList<>(args));
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }

    /**
     * The arguments written as {@code words}.
     *
     * @throws IllegalArgumentException naming the argument and what was wrong (malformed JSON, missing file,
     *                                  a keyword given twice)
     */
    static FunctionArguments parse(List<String> words) {
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (String word : words) {
            Argument argument = Argument.parse(word, args.size() + 1);
            if (argument.keyword() == null) {
                args.add(argument.value());
            } else if (kwargs.containsKey(argument.keyword())) {
                throw new IllegalArgumentException("keyword argument '" + argument.keyword() + "' is given twice");
            } else {
                kwargs.put(argument.keyword(), argument.value());
            }
        }
        return new FunctionArguments(args, kwargs);
    }

    /** One argument: its keyword ({@code null} for a positional one) and its value. */
    private record Argument(String keyword, Object value) {

        static Argument parse(String word, int position) {
            if (word.startsWith(":")) {
                return new Argument(null, json(word.substring(1), position + ". positional argument", word));
            }
            if (word.startsWith("%")) {
                throw pythonLiteral(word);
            }
            int equals = word.indexOf('=');
            if (equals <= 0) {
                return new Argument(null, text(word));
            }
            String value = word.substring(equals + 1);
            // why: RQ looks at the first ':' (or '%') only, so "a:b=c" is the text keyword "a:b"
            if (word.indexOf(':') + 1 == equals) {
                String keyword = word.substring(0, equals - 1);
                return new Argument(keyword, json(value, "keyword argument '" + keyword + "'", word));
            }
            if (word.indexOf('%') + 1 == equals) {
                throw pythonLiteral(word);
            }
            return new Argument(word.substring(0, equals), text(value));
        }

        private static String text(String value) {
            return value.startsWith("@") ? readFile(value.substring(1)) : value;
        }

        private static Object json(String value, String what, String word) {
            String text = text(value);
            try {
                return JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot parse " + what + " as JSON: '" + shorten(word) + "' ("
                        + e.getOriginalMessage() + ")");
            }
        }

        private static String readFile(String name) {
            try {
                return Files.readString(Path.of(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("argument file '" + name + "' not found");
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read argument file '" + name + "': " + e.getMessage());
            }
        }

        private static IllegalArgumentException pythonLiteral(String word) {
            return new IllegalArgumentException("'" + shorten(word) + "': Python literals (%...) are not supported; "
                    + "write the value as JSON with ':' (e.g. :[1, 2] or key:={\"a\": 1})");
        }

        private static String shorten(String word) {
            String line = word.replaceAll("\\R", " ");
            return line.length() <= 80 ? line : line.substring(0, 77) + "...";
        }
    }
}
