package dev.jrq.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobFailedException;
import dev.jrq.core.Job;
import dev.jrq.core.JrqClient;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import dev.jrq.examples.jobs.SendWelcomeEmail;
import dev.jrq.examples.mail.ConsoleMailer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.client.codec.StringCodec;

/**
 * A handler with injected dependencies, run by the worker jar from {@code --path examples/target/jrq-examples.jar}:
 * Guice gives {@code email.send_welcome} its {@code Mailer} (the {@code @ImplementedBy} default, built through its
 * {@code @Inject} constructor from the worker's client and clock), and the mail shows in the worker's log.
 */
@ExtendWith({RedisServerExtension.class, ProcessesExtension.class})
class SendWelcomeEmailIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void workerJar_welcomeMailJob_injectedMailerSendsItAndTheJobReturnsTheCount(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(SendWelcomeEmail.class, "ada@example.com", "Ada");

        RunningProcess worker = processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThat(job.waitForResult(WAIT)).isEqualTo(Map.of("to", "ada@example.com", "mails_sent", 1));
        assertThat(worker.stderr()).contains("To: ada@example.com\nSubject: Welcome to JRQ, Ada!\n\nHello Ada,");
        assertThat(redis.raw().getBucket(ConsoleMailer.SENT_KEY, StringCodec.INSTANCE).get()).isEqualTo("1");
    }

    @Test
    void workerJar_welcomeMailToABadAddress_jobFailsSayingWhyAndNothingIsSent(TestRedis redis, Processes processes) {
        JrqClient client = redis.newClient();
        Job job = client.queue("default").enqueue(SendWelcomeEmail.class, "nobody", "Nobody");

        processes.worker(redis.url(), "--burst", "default").awaitSuccess();

        assertThatThrownBy(() -> job.waitForResult(WAIT)).isInstanceOf(JobFailedException.class)
                .hasMessageContaining("'nobody' is not a mail address (expected name@host)");
        assertThat(redis.raw().getBucket(ConsoleMailer.SENT_KEY, StringCodec.INSTANCE).isExists()).isFalse();
    }
}
