package dev.jrq.core.internal;

import java.util.function.Function;

/**
 * A parse that remembers the last text it read and what it read from it, for texts that repeat from one job to
 * the next (a queue's timeout, the start time of the jobs one call took). Thread-safe: the remembered pair is
 * immutable and replaced whole.
 *
 * <p>why: a worker reads these for every job it runs; a new {@code Duration} or {@code Instant} for the same
 * text each time was a few percent of what a drained job allocated.
 *
 * @param <T> what the text is read as ({@code null} allowed, e.g. for a text that cannot be read)
 */
public final class LastParsed<T> {
    private final Function<String, T> parse;
    private volatile Parsed<T> last;

    public LastParsed(Function<String, T> parse) {
        this.parse = parse;
    }

    /**
     * What {@code text} reads as: the last value when it is the last text read, else parsed anew ({@code null} is
     * parsed, never remembered).
     */
    public T parse(String text) {
        if (text == null) {
            return parse.apply(null);
        }
        Parsed<T> remembered = last;
        if (remembered != null && text.equals(remembered.text())) {
            return remembered.value();
        }
        T value = parse.apply(text);
        last = new Parsed<>(text, value);
        return value;
    }

    private record Parsed<T>(String text, T value) {
    }
}
