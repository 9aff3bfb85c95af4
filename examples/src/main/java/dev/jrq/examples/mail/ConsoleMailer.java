package dev.jrq.examples.mail;

import dev.jrq.core.JrqClient;
import dev.jrq.core.RedisCounter;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailer for development, like Django's console e-mail backend: "sends" a mail by writing it to the log of the
 * process that runs the job (the worker's standard error), and counts the mails sent in the Redis key
 * {@value #SENT_KEY}, so every worker adds to one count.
 */
public final class ConsoleMailer implements Mailer {
    /** The Redis string key counting the mails sent, across all workers. */
    public static final String SENT_KEY = "examples:mails_sent";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMailer.class);

    private final RedisCounter sent;
    private final Clock clock;

    /** Built by Guice from the core module's client and clock. */
    @Inject
    ConsoleMailer(JrqClient client, Clock clock) {
        this.sent = client.counter(SENT_KEY);
        this.clock = clock;
    }

    @Override
    public long send(Mail mail) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock));
        LOG.info("Mail sent\nDate: {}\nTo: {}\nSubject: {}\n\n{}", date, mail.to(), mail.subject(), mail.body());
        return sent.increment();
    }
}
