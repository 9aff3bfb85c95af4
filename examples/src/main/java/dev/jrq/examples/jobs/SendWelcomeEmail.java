package dev.jrq.examples.jobs;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import dev.jrq.examples.mail.Mail;
import dev.jrq.examples.mail.Mailer;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code email.send_welcome(address, name)}: sends a new user a welcome mail through the {@link Mailer} Guice
 * injects, and returns to whom and how many mails have been sent in all.
 *
 * <pre>{@code
 * client.queue("default").enqueue(SendWelcomeEmail.class, "ada@example.com", "Ada");
 * }</pre>
 *
 * <p>The mailer arrives in a field: the worker lists handlers with {@link java.util.ServiceLoader}, which accepts
 * only classes with a public no-argument constructor, and then has Guice create them, filling {@code @Inject}
 * fields. The mailer itself takes its dependencies in its constructor.
 */
@JobName("email.send_welcome")
public final class SendWelcomeEmail implements JobHandler {
    @Inject
    private Mailer mailer;

    @Override
    public Object perform(JobContext job) {
        String address = job.arg(0, String.class);
        String name = job.arg(1, String.class);
        long sent = mailer.send(new Mail(address, "Welcome to JRQ, " + name + "!", "Hello " + name + ",\n\n"
                + "your account is ready. This mail was sent by a JRQ job.\n"));
        return Map.of("to", address, "mails_sent", sent);
    }
}
