package dev.jrq.examples.mail;

import com.google.inject.ImplementedBy;

/**
 * Sends mail. Handlers ask for this interface; which implementation they get is Guice's business: without a
 * binding it is {@link ConsoleMailer} (through {@code @ImplementedBy}), and a Guice module that binds
 * {@code Mailer} (say, to an SMTP mailer), listed in the plugin jar's
 * {@code META-INF/services/com.google.inject.Module}, takes precedence.
 *
 * <pre>{@code
 * @Inject
 * SendWelcomeEmail(Mailer mailer) { this.mailer = mailer; }
 * ...
 * mailer.send(new Mail("ada@example.com", "Welcome", "Hello Ada"));
 * }</pre>
 */
@ImplementedBy(ConsoleMailer.class)
public interface Mailer {

    /**
     * Sends {@code mail} and returns how many mails this mailer has sent so far, this one included.
     *
     * @throws dev.jrq.api.JrqException when the mail could not be handed on (the job then fails and may be retried)
     */
    long send(Mail mail);
}
