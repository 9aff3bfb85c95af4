package dev.jrq.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of a jobs file into words as a shell would: blanks separate words, {@code '...'} keeps everything
 * as it is, {@code "..."} keeps blanks and honours {@code \"} and {@code \\}, and a backslash outside quotes
 * escapes the next character. So a line reads exactly like the arguments of {@code jrq enqueue}:
 * {@code mail.send ada@example.org ':{"lang": "en"}'}.
 */
final class LineWords {
    private LineWords() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException when a quote is not closed
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
