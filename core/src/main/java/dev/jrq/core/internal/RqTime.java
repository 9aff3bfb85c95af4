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

    /** {@code 2026-11-28T07:51:34.785297Z}; why by hand: DateTimeFormatter costs µs on every job transition. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return WRITE.format(instant);
        }
        byte[] text = new byte[27];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1000, 6);
        text[26] = 'Z';
        return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The instant of an RQ timestamp, or {@code null} for an empty or unreadable one. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant quick = parseMicros(text);
        if (quick != null) {
            return quick;
        }
        try {
            DateTimeFormatter format = text.indexOf('.') >= 0 ? READ_MICROS : READ_SECONDS;
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 2026-11-28T07:51:34.785297Z} read by hand, {@code null} when the text has another shape (the
     * formatter then decides); why: DateTimeFormatter allocates a parse context and maps on every call, three
     * times per job taken.
     */
    private static Instant parseMicros(String text) {
        if (text.length() != 27 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(26) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int micros = number(text, 20, 26);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59
                || micros < 0) {
            return null; // why: days 29-31 and anything odd go through the formatter's checks
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, micros * 1000L);
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Epoch seconds, as RQ's registry scores ({@code calendar.timegm}: the fraction is dropped). */
    public static long epochSeconds(Instant instant) {
        return instant.getEpochSecond();
    }

    /**
     * Epoch seconds with three decimals ({@code 1795852295.785}), as a script reads a time it adds to and scores
     * with: to the millisecond, exact in Lua's doubles. For instants from 1970 on.
     */
    public static String epochMillisText(Instant instant) {
        long millis = instant.toEpochMilli();
        long seconds = millis / 1_000;
        int fraction = (int) (millis % 1_000);
        return seconds + "." + (char) ('0' + fraction / 100) + (char) ('0' + fraction / 10 % 10)
                + (char) ('0' + fraction % 10);
    }

    /** Epoch microseconds, RQ's timestamps' precision (as the scripts read Redis's {@code TIME}). */
    public static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** The instant of {@code micros} epoch microseconds; see {@link #epochMicros}. */
    public static Instant ofEpochMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
