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
 * <p>The worker finds the class in {@code META-INF/services/dev.jrq.api.spi.JobHandler} and has Guice create it,
 * so its dependencies arrive in its constructor. Which {@link Mailer} it gets is Guice's choice: the default
 * implementation named by {@code @ImplementedBy}, unless a Guice module in the plugin jar (listed in
 * {@code META-INF/services/com.google.inject.Module}) binds another.
 */
@JobName("email.send_welcome")
public final class SendWelcomeEmail implements JobHandler {
    private final Mailer mailer;

    @Inject
    SendWelcomeEmail(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Object perform(JobContext job) {
        String address = job.arg(0, String.class);
        String name = job.arg(1, String.class);
        long sent = mailer.send(new Mail(address, "Welcome to JRQ, " + name + "!", "Hello " + name + ",\n\n"
                + "your account is ready. This mail was sent by a JRQ job.\n"));
        return Map.of("to", address, "mails_sent", sent);
    }
}
