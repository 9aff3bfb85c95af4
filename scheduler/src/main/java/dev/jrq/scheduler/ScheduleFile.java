package dev.jrq.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jrq.api.ConfigurationException;
import dev.jrq.core.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file of recurring schedules, YAML or JSON (JSON is YAML too), read with Jackson. Every entry is checked before
 * any is used, so a bad file changes nothing.
 *
 * <pre>{@code
 * schedules:
 *   - name: nightly-report
 *     queue: reports
 *     cron: "0 2 * * *"
 *     timezone: Europe/Berlin
 *     job: reports.nightly
 *     args: [pdf]
 *     options: {timeout: 10m}
 *   - name: heartbeat
 *     every: 30s
 *     job: counter.visit
 * }</pre>
 */
public final class ScheduleFile {
    private static final ObjectMapper YAML = new YAMLMapper();

    private ScheduleFile() {
    }

    /**
     * The schedules in {@code file}.
     *
     * @throws ConfigurationException naming the file and the entry, for an unreadable file or a bad entry
     */
    public static List<Schedule> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the schedule file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The schedules in a YAML or JSON text; {@code source} names it in messages. */
    public static List<Schedule> parse(String text, String source) {
        Object root;
        try {
            root = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(source + " is not YAML or JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("schedules") instanceof List<?> entries)) {
            throw new ConfigurationException(source + ": expected a top-level 'schedules:' list of schedules");
        }
        List<Schedule> schedules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new ConfigurationException(source + ": each schedule must be a map; found " + entry);
            }
            Schedule schedule;
            try {
                schedule = Schedule.fromMap(stringKeys(fields));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(source + ": " + e.getMessage(), e);
            }
            if (!names.add(schedule.name())) {
                throw new ConfigurationException(source + ": schedule " + schedule.name() + " is listed twice");
            }
            schedules.add(schedule);
        }
        return schedules;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
