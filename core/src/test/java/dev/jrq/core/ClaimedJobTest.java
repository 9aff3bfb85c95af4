package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.jrq.api.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job context a handler sees: arguments converted to the types it asks for, with clear refusals. */
class ClaimedJobTest {
    private final ClaimedJob job = new ClaimedJob("default", new JobRecord("j1", JobStatus.STARTED, "default",
            new JobPayload("rqjobs.echo", Arrays.asList(7, "two", null, List.of(1, 2)), Map.of("lang", "en"), 40, null),
            "rqjobs.echo(7, 'two', None, [1, 2], lang='en')", null, null, null, null, "w1", Map.of("owner", "spec"),
            Map.of()));

    @Test
    void identity_claimedJob_comesFromTheRecord() {
        assertThat(job.jobId()).isEqualTo("j1");
        assertThat(job.jobName()).isEqualTo("rqjobs.echo");
        assertThat(job.queue()).isEqualTo("default");
        assertThat(job.meta()).containsEntry("owner", "spec");
    }

    @Test
    void arg_askedType_converted() {
        assertThat(job.arg(0, Integer.class)).isEqualTo(7);
        assertThat(job.arg(0, Long.class)).isEqualTo(7L);
        assertThat(job.arg(1, String.class)).isEqualTo("two");
        assertThat(job.arg(2, String.class)).isNull();
        assertThat(job.arg(3, int[].class)).containsExactly(1, 2);
    }

    @Test
    void arg_outOfRange_refusedSayingHowManyThereAre() {
        assertThatIllegalArgumentException().isThrownBy(() -> job.arg(4, String.class))
                .withMessage("job j1 (rqjobs.echo) has 4 positional argument(s); argument 4 was asked for");
        assertThatIllegalArgumentException().isThrownBy(() -> job.arg(-1, String.class));
    }

    @Test
    void arg_notConvertible_refusedNamingArgumentAndType() {
        assertThatIllegalArgumentException().isThrownBy(() -> job.arg(1, Integer.class))
                .withMessage("argument 1 of job j1 is two, which is not a Integer");
    }

    @Test
    void kwarg_givenOrMissing_valueOrFallback() {
        assertThat(job.kwarg("lang", String.class, "fr")).isEqualTo("en");
        assertThat(job.kwarg("retries", Integer.class, 3)).isEqualTo(3);
        assertThatIllegalArgumentException().isThrownBy(() -> job.kwarg("lang", List.class, null))
                .withMessageContaining("keyword argument 'lang' of job j1");
    }
}
