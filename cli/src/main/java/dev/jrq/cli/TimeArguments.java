package dev.jrq.cli;

import dev.jrq.api.JobOptions;
import dev.jrq.core.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Times and durations as the commands take them: RQ's forms ({@code 90}, {@code 10s}, {@code 5m}, {@code 1h},
 * {@code 2d}, {@code -1} for forever) plus {@link DurationText}'s ({@code PT30S}), and ISO-8601 instants with or
 * without an offset (without one, UTC, as {@code rq enqueue --schedule-at} reads it).
 */
final class TimeArguments {
    private TimeArguments() {
    }

    /**
     * Whole seconds for a job option; {@code -1} is {@link JobOptions#FOREVER}; {@code null} stays {@code null}.
     *
     * @throws IllegalArgumentException naming the option and what is expected
     */
    static Duration jobSeconds(String text, String option) {
        if (text == null) {
            return null;
        }
        if ("-1".equals(text.trim())) {
            return JobOptions.FOREVER;
        }
        Duration duration = duration(text, option);
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not whole seconds, which RQ stores");
        }
        return duration;
    }

    /**
     * A duration.
     *
     * @throws IllegalArgumentException naming the option and what is expected
     */
    static Duration duration(String text, String option) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * An ISO-8601 time: {@code 2026-05-27T21:45:00Z}, {@code 2026-05-27T21:45:00+02:00}, or without an offset
     * ({@code 2026-05-27T21:45:00}) in UTC.
     *
     * @throws IllegalArgumentException naming the option and what is expected
     */
    static Instant instant(String text, String option) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + ": '" + text + "' is not an ISO-8601 time; expected e.g. "
                        + "2026-05-27T21:45:00 (UTC) or 2026-05-27T21:45:00+02:00");
            }
        }
    }
}
