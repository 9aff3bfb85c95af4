package dev.jrq.examples.mail;

import java.util.Objects;

/**
 * One mail to send.
 *
 * @param to      the recipient's address
 * @param subject the subject line
 * @param body    the plain-text body
 */
public record Mail(String to, String subject, String body) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (!to.contains("@")) {
            throw new IllegalArgumentException("'" + to + "' is not a mail address (expected name@host)");
        }
    }
}
