package dev.jrq.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands the README shows: every line of its {@code sh} blocks (a line ending in {@code \} joined with the
 * next, a {@code # comment} cut off, commands joined by {@code &&} split apart), and its other fenced blocks by
 * language, so that a test can run exactly what a reader would type.
 */
final class Readme {
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    static Readme read(Path file) {
        try {
            return new Readme(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every command of the {@code sh} blocks, in order, each once. */
    Set<String> commands() {
        Set<String> commands = new LinkedHashSet<>();
        for (String block : blocks("sh")) {
            for (String line : block.replace("\\\n", " ").split("\n")) {
                for (String command : withoutComment(line).split(" && ")) {
                    if (!command.isBlank()) {
                        commands.add(command.strip().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        return commands;
    }

    /** The contents of the fenced blocks in {@code language}, in order. */
    List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                blocks.add(fence.group(2));
            }
        }
        return blocks;
    }

    /** The line up to a {@code #} that starts a shell comment: outside quotes and after a blank. */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
