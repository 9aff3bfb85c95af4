package dev.jrq.cli;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file of jobs for {@code jrq enqueue --file}: one job a line, {@code NAME ARGS...} in {@code rq enqueue}'s
 * argument syntax, words split as a shell would ({@link LineWords}); blank lines and lines starting with {@code #}
 * are skipped. Read in batches, so a file of a million jobs never sits in memory.
 */
final class JobsFile {
    private final Path file;
    private final JobOptions options;

    JobsFile(Path file, JobOptions options) {
        this.file = file;
        this.options = options;
    }

    /**
     * Reads the whole file without enqueuing anything and returns how many jobs it holds.
     *
     * @throws IllegalArgumentException for the first bad line, as {@code FILE:LINE: what was wrong}
     */
    long check() {
        long[] count = {0};
        forEachBatch(1000, batch -> count[0] += batch.size());
        return count[0];
    }

    /** Hands the jobs to {@code action} in order, at most {@code size} at a time. */
    void forEachBatch(int size, Consumer<List<JobRequest>> action) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<JobRequest> batch = new ArrayList<>(size);
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                batch.add(request(trimmed, lineNumber));
                if (batch.size() == size) {
                    action.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                action.accept(List.copyOf(batch));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--file: " + file + " not found");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private JobRequest request(String line, long lineNumber) {
        try {
            List<String> words = LineWords.split(line);
            FunctionArguments arguments = FunctionArguments.parse(words.subList(1, words.size()));
            return new JobRequest(words.get(0), arguments.args(), arguments.kwargs(), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
        }
    }
}
