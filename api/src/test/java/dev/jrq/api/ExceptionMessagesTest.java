package dev.jrq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionMessagesTest {

    @Test
    void unknownJob_message_namesTheJobAndSortedKnownNames() {
        assertThat(new UnknownJobException("x", List.of("b.job", "a.job")))
                .hasMessage("no handler registered for 'x'; known: [a.job, b.job]");
    }

    @Test
    void jobFailed_withError_messageCarriesStatusAndError() {
        JobFailedException failed = new JobFailedException("j1", JobStatus.FAILED, "ValueError: boom");
        assertThat(failed).hasMessage("job j1 ended failed: ValueError: boom");
        assertThat(failed.jobId()).isEqualTo("j1");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(new JobFailedException("j1", JobStatus.CANCELED, null)).hasMessage("job j1 ended canceled");
    }

    @Test
    void resultTimeout_message_saysStatusAndWait() {
        assertThat(new ResultTimeoutException("j1", JobStatus.QUEUED, Duration.ofMillis(300)))
                .hasMessage("job j1 is still queued after waiting 300 ms");
    }

    @Test
    void noSuchJob_message_namesTheId() {
        assertThat(new NoSuchJobException("j1")).hasMessageStartingWith("no job with id 'j1'")
                .isInstanceOf(JrqException.class);
    }
}
