/**
 * The dependency of the welcome-mail job ({@link dev.jrq.examples.jobs.SendWelcomeEmail}), to show Guice
 * injection into handlers: {@link dev.jrq.examples.mail.Mailer} is an interface whose default implementation,
 * {@link dev.jrq.examples.mail.ConsoleMailer}, Guice finds through {@code @ImplementedBy} and builds through its
 * {@code @Inject} constructor from what JRQ's core module binds (the {@link dev.jrq.core.JrqClient} and the
 * {@link java.time.Clock}). No Guice module is needed, so the worker picks it up from {@code --path} alone.
 */
package dev.jrq.examples.mail;
