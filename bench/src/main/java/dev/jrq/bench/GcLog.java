package dev.jrq.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's unified GC log ({@code -Xlog:gc:file=...}) says about its pauses and allocation. Each pause line
 * reads like {@code [1.234s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 70M->4M(128M) 1.234ms}.
 * Allocation is the growth of the heap between collections: each pause's heap before it minus the heap after the
 * one before (the log's whole megabytes, so it is exact to about a megabyte per collection, and what was allocated
 * after the last one is left out).
 *
 * @param collector       the collector the JVM chose ({@code Using G1}), {@code ?} when the log does not say
 * @param pauses          pauses logged (young, mixed, full, remark, cleanup)
 * @param fullPauses      of which full collections
 * @param totalPauseMillis the pauses' sum
 * @param maxPauseMillis  the longest pause
 * @param allocatedBytes  heap allocated from the first line to the last collection
 */
record GcLog(String collector, int pauses, int fullPauses, double totalPauseMillis, double maxPauseMillis,
             long allocatedBytes) {
    private static final Pattern USING = Pattern.compile("\\[gc *\\] Using (\\S+)");
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) (Pause [A-Za-z]+).*? (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\) ([0-9.]+)ms");

    /** Reads the log file. */
    static GcLog read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GC log " + file, e);
        }
    }

    /** Reads the text of a log. */
    static GcLog parse(String log) {
        int pauses = 0;
        int full = 0;
        double total = 0;
        double max = 0;
        long allocated = 0;
        long afterPrevious = 0;
        String collector = "?";
        for (String line : log.split("\r?\n")) {
            Matcher using = USING.matcher(line);
            if (using.find()) {
                collector = using.group(1);
            }
            Matcher pause = PAUSE.matcher(line);
            if (!pause.find()) {
                continue;
            }
            pauses++;
            full += pause.group(1).equals("Pause Full") ? 1 : 0;
            double millis = Double.parseDouble(pause.group(6));
            total += millis;
            max = Math.max(max, millis);
            long before = bytes(pause.group(2), pause.group(3));
            allocated += Math.max(0, before - afterPrevious);
            afterPrevious = bytes(pause.group(4), pause.group(5));
        }
        return new GcLog(collector, pauses, full, total, max, allocated);
    }

    private static long bytes(String amount, String unit) {
        long shift = switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return Long.parseLong(amount) << shift;
    }
}
