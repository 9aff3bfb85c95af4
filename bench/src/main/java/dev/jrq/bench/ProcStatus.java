package dev.jrq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory figures of a Linux process from {@code /proc/<pid>/status}: {@code VmHWM} (peak resident set) and
 * {@code VmRSS} (resident set now), in kilobytes.
 */
final class ProcStatus {
    private static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** This process' status text, or an empty text where there is no {@code /proc} (not Linux). */
    static String ofThisProcess() {
        try {
            return Files.readString(SELF);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A field in kilobytes, from a line such as {@code VmHWM:	  123456 kB}.
     *
     * @return the value, or -1 when the text has no such field
     */
    static long kilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return -1;
    }
}
