package dev.jrq.core;

import java.time.Instant;

/**
 * One row of a job list: the few fields of a job hash a list shows, read with {@code HMGET} (never the payload or
 * the result, which can be large).
 *
 * @param id          the job id
 * @param name        the job's name as its description shows it (RQ's call string {@code name(args)}), {@code null}
 *                    when the description was set by hand
 * @param description the description
 * @param status      the status as stored (RQ's wire name), {@code null} when missing
 * @param origin      the job's queue
 * @param createdAt   when it was created
 * @param enqueuedAt  when it was last enqueued
 * @param startedAt   when it last started
 * @param endedAt     when it last ended
 * @param worker      the worker that ran it last
 * @param error       the line that says what went wrong ({@link #errorLine(String)}), {@code null} for none
 * @param missing     whether the job hash is gone (expired or deleted) while its id is still listed
 */
public record JobSummary(String id, String name, String description, String status, String origin,
                         Instant createdAt, Instant enqueuedAt, Instant startedAt, Instant endedAt, String worker,
                         String error, boolean missing) {

    /** A row for an id whose hash is gone. */
    static JobSummary missing(String id) {
        return new JobSummary(id, null, null, null, null, null, null, null, null, null, null, true);
    }

    /**
     * The line of an error text that says what went wrong: the last line of a Python traceback
     * ({@code ValueError: boom}), else the first line (a Java stack trace starts with the exception and its
     * message). {@code null} for none.
     */
    public static String errorLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] lines = text.strip().split("\\R");
        if (lines[0].startsWith("Traceback (most recent call last)")) {
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
        }
        return lines[0].strip();
    }

    /**
     * The job name in RQ's call string, {@code mod.func} in {@code mod.func(1, x='y')}; {@code null} when the text is
     * not a call string.
     */
    public static String nameFromDescription(String description) {
        if (description == null) {
            return null;
        }
        int paren = description.indexOf('(');
        if (paren <= 0 || !description.endsWith(")")) {
            return null;
        }
        String name = description.substring(0, paren);
        return name.matches("[A-Za-z_][\\w.$:-]*") ? name : null;
    }
}
