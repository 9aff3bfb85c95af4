package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.jrq.api.Dependency;
import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A schedule's map form (what files hold and Redis stores): every option a schedule takes survives it. */
class ScheduleTest {

    @Test
    void fromMap_retryAsACount_retriesAtOnce() {
        Schedule schedule = Schedule.fromMap(Map.of("name", "hb", "every", "30s", "job", "counter.visit",
                "options", Map.of("retry", 3)));

        assertThat(schedule.job().options().retry()).isEqualTo(Retry.max(3));
    }

    @Test
    void fromMap_retryWithIntervalsAndJitter_readAsRetry() {
        Schedule schedule = Schedule.fromMap(Map.of("name", "hb", "every", "30s", "job", "counter.visit",
                "options", Map.of("retry", Map.of("max", 3, "intervals", List.of("10s", 60), "jitter", 0.25))));

        assertThat(schedule.job().options().retry()).isEqualTo(Retry.max(3)
                .withIntervals(Duration.ofSeconds(10), Duration.ofMinutes(1)).withJitter(0.25));
    }

    @Test
    void toMapThenFromMap_everyOptionSet_sameSchedule() {
        Schedule schedule = Schedule.of("nightly", "reports", ScheduleTrigger.cron("0 2 * * *", "Europe/Berlin"),
                JobRequest.of("reports.nightly", "pdf").withOptions(JobOptions.builder().description("nightly")
                        .timeout(JobOptions.FOREVER).resultTtl(Duration.ZERO).ttl(Duration.ofMinutes(30))
                        .failureTtl(Duration.ofDays(1)).meta(Map.of("owner", "ops")).atFront(true)
                        .retry(Retry.exponential(4, Duration.ofSeconds(5), Duration.ofMinutes(1))).build()));

        assertThat(schedule.toMap()).containsEntry("options", Map.of("description", "nightly", "timeout", -1L,
                "result_ttl", 0L, "ttl", 1800L, "failure_ttl", 86_400L, "meta", Map.of("owner", "ops"),
                "at_front", true, "retry", Map.of("max", 4, "intervals", List.of(5L, 10L, 20L, 40L), "jitter", 0.25)));
        assertThat(Schedule.fromMap(schedule.toMap())).isEqualTo(schedule);
    }

    @Test
    void fromMap_timeoutMinusOneAsText_noTimeout() {
        Schedule schedule = Schedule.fromMap(Map.of("name", "hb", "every", "30s", "job", "counter.visit",
                "options", Map.of("timeout", "-1")));

        assertThat(schedule.job().options().timeout()).isEqualTo(JobOptions.FOREVER);
    }

    @Test
    void of_optionTheMapFormCannotHold_refusedRatherThanDropped() {
        JobRequest job = JobRequest.of("reports.nightly").withOptions(JobOptions.builder()
                .dependsOn(Dependency.on("prepare")).build());

        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.of("nightly", "reports",
                ScheduleTrigger.every(Duration.ofHours(1)), job)).withMessage("schedule nightly: a recurring job can "
                + "only have the options [at_front, description, failure_ttl, meta, result_ttl, retry, timeout, ttl]; "
                + "not a job id, uniqueness, dependencies or callbacks");
    }

    static List<Arguments> badRetries() {
        return List.of(
                Arguments.of(Map.of("intervals", List.of(1)), "schedule hb: option 'retry' needs 'max', a whole "
                        + "number of attempts after the first failure; was null"),
                Arguments.of(Map.of("max", 0), "schedule hb: option 'retry': a retry needs max >= 1; was 0"),
                Arguments.of(Map.of("max", 2, "jitter", 1.5), "schedule hb: option 'retry': jitter must be in [0, 1); "
                        + "was 1.5"),
                Arguments.of(Map.of("max", 2, "intervals", List.of("500ms")), "schedule hb: option 'retry': retry "
                        + "intervals must be whole seconds >= 0; was PT0.5S"),
                Arguments.of(Map.of("max", 2, "interval", 5), "schedule hb: option 'retry': unknown key(s) "
                        + "[interval]; expected [intervals, jitter, max]"),
                Arguments.of("often", "schedule hb: option 'retry' must be a number of retries or a "
                        + "map with 'max', 'intervals' and 'jitter'; was often"));
    }

    @ParameterizedTest
    @MethodSource("badRetries")
    void fromMap_badRetry_refusedSayingWhatIsExpected(Object retry, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.fromMap(Map.of("name", "hb", "every", "30s",
                "job", "counter.visit", "options", Map.of("retry", retry)))).withMessage(message);
    }
}
