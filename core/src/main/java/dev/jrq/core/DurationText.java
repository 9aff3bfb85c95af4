package dev.jrq.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a command line or a config file: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 1d} (RQ's style), ISO-8601 ({@code PT30S}), or a bare number of seconds.
 *
 * <pre>{@code
 * Duration every = DurationText.parse("15m");   // PT15M
 * String text = DurationText.format(every);     // "15m"
 * }</pre>
 */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private DurationText() {
    }

    /**
     * The duration written as {@code text}.
     *
     * @throws IllegalArgumentException saying what is expected, when the text is not a duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no duration given; " + expected());
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + expected(), e);
        }
    }

    /** The shortest of the forms {@link #parse(String)} reads that says exactly {@code duration}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static String expected() {
        return "expected a number with a unit (500ms, 30s, 5m, 2h, 1d), seconds, or ISO-8601 (PT30S)";
    }
}
