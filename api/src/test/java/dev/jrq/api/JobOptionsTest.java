package dev.jrq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a:b", "has space", "", "tab\tid", "caf\u00e9", "slash/id"})
    void jobId_notRqSafe_refusedWithTheRule(String jobId) {
        assertThatIllegalArgumentException().isThrownBy(() -> JobOptions.builder().jobId(jobId).build())
                .withMessageContaining("'" + jobId + "'")
                .withMessageContaining("letters, digits, '_' or '-'");
    }

    @Test
    void jobId_longerThan128_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobOptions.builder().jobId("x".repeat(129)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome-42", "A_b-9", "2ddb1964-fef4-4154-a955-83bc17ae10e9"})
    void jobId_lettersDigitsDashUnderscore_accepted(String jobId) {
        assertThat(JobOptions.builder().jobId(jobId).build().jobId()).isEqualTo(jobId);
    }

    @Test
    void timeout_zeroOrNegative_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobOptions.builder().timeout(Duration.ZERO).build())
                .withMessageContaining("timeout must be positive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobOptions.builder().timeout(Duration.ofSeconds(-5)).build())
                .withMessageContaining("JobOptions.FOREVER");
    }

    @Test
    void durations_fractionOfSecond_refusedAsRqStoresSeconds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobOptions.builder().ttl(Duration.ofMillis(1500)).build())
                .withMessageContaining("ttl must be whole seconds");
    }

    @Test
    void resultTtl_zero_acceptedAsDeleteOnSuccess() {
        assertThat(JobOptions.builder().resultTtl(Duration.ZERO).build().resultTtl()).isZero();
    }

    @Test
    void ttlAndFailureTtl_zero_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobOptions.builder().ttl(Duration.ZERO).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JobOptions.builder().failureTtl(Duration.ZERO).build())
                .withMessageContaining("failureTtl");
    }

    @Test
    void durations_forever_acceptedEverywhere() {
        JobOptions options = JobOptions.builder().timeout(JobOptions.FOREVER).resultTtl(JobOptions.FOREVER)
                .ttl(JobOptions.FOREVER).failureTtl(JobOptions.FOREVER).build();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(-1));
        assertThat(options.failureTtl()).isEqualTo(JobOptions.FOREVER);
    }

    @Test
    void meta_changedAfterBuild_optionsKeepTheirCopy() {
        Map<String, Object> meta = new HashMap<>(Map.of("owner", "signup"));
        JobOptions options = JobOptions.builder().meta(meta).build();
        meta.put("owner", "someone else");
        assertThat(options.meta()).containsExactly(Map.entry("owner", "signup"));
        assertThatThrownBy(() -> options.meta().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void meta_nullInConstructor_isEmptyButRefusedByBuilder() {
        assertThat(new JobOptions(null, null, null, null, null, null, null, false, null, false, null, null).meta()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> JobOptions.builder().meta(null));
    }

    @Test
    void defaults_nothingSet_everyDefaultApplies() {
        JobOptions defaults = JobOptions.defaults();
        assertThat(defaults).isEqualTo(JobOptions.builder().build());
        assertThat(defaults.jobId()).isNull();
        assertThat(defaults.timeout()).isNull();
        assertThat(defaults.resultTtl()).isNull();
        assertThat(defaults.meta()).isEmpty();
        assertThat(defaults.atFront()).isFalse();
    }

    @Test
    void toBuilder_unchanged_buildsEqualOptions() {
        JobOptions options = JobOptions.builder().jobId("j1").description("d").timeout(Duration.ofSeconds(30))
                .resultTtl(Duration.ofSeconds(600)).ttl(Duration.ofHours(1)).failureTtl(Duration.ofHours(2))
                .meta(Map.of("n", 1)).atFront(true).build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().atFront(false).build().atFront()).isFalse();
    }
}
