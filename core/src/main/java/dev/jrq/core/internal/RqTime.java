package dev.jrq.core.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RQ's timestamps: {@code 2026-11-28T07:51:34.785297Z}, UTC, six fraction digits, a literal {@code Z}. */
public final class RqTime {
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter READ_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter READ_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private RqTime() {
    }

    public static String format(Instant instant) {
        return WRITE.format(instant);
    }

    /** The instant of an RQ timestamp, or {@code null} for an empty or unreadable one. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            DateTimeFormatter format = text.indexOf('.') >= 0 ? READ_MICROS : READ_SECONDS;
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch seconds, as RQ's registry scores ({@code calendar.timegm}: the fraction is dropped). */
    public static long epochSeconds(Instant instant) {
        return instant.getEpochSecond();
    }
}
