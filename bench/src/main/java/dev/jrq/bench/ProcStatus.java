package dev.jrq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures of a Linux process from {@code /proc/<pid>/status}: {@code VmHWM} (peak resident set) and {@code VmRSS}
 * (resident set now), in kilobytes, and the CPUs it may run on ({@code Cpus_allowed_list}, what {@code taskset}
 * sets).
 */
final class ProcStatus {
    private static final Path SELF = Path.of("/proc/self/status");

    private ProcStatus() {
    }

    /** This process' status text, or an empty text where there is no {@code /proc} (not Linux). */
    static String ofThisProcess() {
        return read(SELF);
    }

    /** The status text of process {@code pid}, or an empty text when it cannot be read (another host, not Linux). */
    static String ofProcess(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static String read(Path status) {
        try {
            return Files.readString(status);
        } catch (IOException e) {
            return "";
        }
    }

    /** The CPUs a process may run on, as Linux lists them ({@code 0-1}, {@code 0}), or "?" when not known. */
    static String cpusAllowed(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring("Cpus_allowed_list:".length()).trim();
            }
        }
        return "?";
    }

    /** The CPUs online on this machine ({@code 0-1}), or "?" when not known. */
    static String cpusOnline() {
        try {
            return Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    /** The CPUs this process may run on when fewer than all online (started under taskset), else {@code null}. */
    static String pinnedCpus() {
        String cpus = cpusAllowed(ofThisProcess());
        return cpus.equals(cpusOnline()) ? null : cpus;
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
