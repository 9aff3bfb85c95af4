package dev.jrq.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JRQ's figures beside the peers', measured in the same run: one row per queue, each cell the median over the
 * rounds, then JRQ's ratio to each peer (above 1 is better for JRQ in every column: rates are JRQ/peer, times and
 * costs peer/JRQ).
 */
final class Comparison {
    /** The columns, in order; each is a rate (higher is better) or a cost (lower is better). */
    enum Column {
        ENQUEUE("enqueue 1 by 1 /s", true),
        BULK("bulk enqueue /s", true),
        DRAIN_C1("drain c1 /s", true),
        DRAIN_C8("drain c8 /s", true),
        P50("p50 ms @rate", false),
        P99("p99 ms @rate", false),
        REDIS_CPU("c8 Redis µs/job", false),
        WORKER_CPU("c8 worker µs/job", false);

        final String title;
        final boolean higherIsBetter;

        Column(String title, boolean higherIsBetter) {
            this.title = title;
            this.higherIsBetter = higherIsBetter;
        }
    }

    private final Map<String, Map<Column, List<Double>>> rows = new LinkedHashMap<>();

    /** Adds one measurement of a queue's column (ignored when null or not a number). */
    void add(String queue, Column column, Double value) {
        if (value == null || value.isNaN()) {
            return;
        }
        rows.computeIfAbsent(queue, q -> new LinkedHashMap<>()).computeIfAbsent(column, c -> new ArrayList<>())
                .add(value);
    }

    /** Adds a result line of the peers' harness. */
    void addPeerCase(String peer, String workload, String setting, Map<String, Object> result) {
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            return;
        }
        switch (workload) {
            case "w1" -> add(peer, "bulk".equals(setting) ? Column.BULK : Column.ENQUEUE, number(result, "jobs_per_s"));
            case "w2" -> {
                boolean c1 = PeerHarness.DRAIN_SETTINGS.get(peer).get(0).equals(setting);
                add(peer, c1 ? Column.DRAIN_C1 : Column.DRAIN_C8, number(result, "rate"));
                if (!c1) {
                    add(peer, Column.REDIS_CPU, number(result, "redis_us_per_job"));
                    add(peer, Column.WORKER_CPU, number(result, "worker_us_per_job"));
                }
            }
            case "w3" -> {
                add(peer, Column.P50, number(result, "p50_ms"));
                add(peer, Column.P99, number(result, "p99_ms"));
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    /** The median of a queue's column, NaN when it was not measured. */
    double median(String queue, Column column) {
        List<Double> values = new ArrayList<>(rows.getOrDefault(queue, Map.of()).getOrDefault(column, List.of()));
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(null);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    /** The table as Markdown: a row per queue, then a row per peer with JRQ's ratio to it. */
    String table(String jrq) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("| queue |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Column column : Column.values()) {
            header.append(' ').append(column.title).append(" |");
            rule.append("---|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        for (String queue : rows.keySet()) {
            StringBuilder line = new StringBuilder("| ").append(queue).append(" |");
            for (Column column : Column.values()) {
                line.append(' ').append(format(median(queue, column), column)).append(" |");
            }
            lines.add(line.toString());
        }
        for (String peer : rows.keySet()) {
            if (peer.equals(jrq)) {
                continue;
            }
            StringBuilder line = new StringBuilder("| ").append(jrq).append(" vs ").append(peer).append(" |");
            for (Column column : Column.values()) {
                double ours = median(jrq, column);
                double theirs = median(peer, column);
                double ratio = column.higherIsBetter ? ours / theirs : theirs / ours;
                line.append(' ').append(Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–"
                        : String.format(Locale.ROOT, "%.2fx", ratio)).append(" |");
            }
            lines.add(line.toString());
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String format(double value, Column column) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return column == Column.P50 || column == Column.P99 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.0f", value);
    }

    private static Double number(Map<String, Object> result, String field) {
        return result.get(field) instanceof Number number ? number.doubleValue() : null;
    }
}
