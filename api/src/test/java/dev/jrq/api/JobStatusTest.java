package dev.jrq.api;

import static dev.jrq.api.JobStatus.CANCELED;
import static dev.jrq.api.JobStatus.DEFERRED;
import static dev.jrq.api.JobStatus.FAILED;
import static dev.jrq.api.JobStatus.FINISHED;
import static dev.jrq.api.JobStatus.QUEUED;
import static dev.jrq.api.JobStatus.SCHEDULED;
import static dev.jrq.api.JobStatus.STARTED;
import static dev.jrq.api.JobStatus.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobStatusTest {
    /**
     * The moves a user can see a job make, from RQ's observed life cycle (wire-format reference, section ii):
     * a worker takes a queued job and ends it; a retry sends a started job back to its queue, or to the
     * scheduled registry when it has an interval; a dependency or the scheduler releases deferred and scheduled
     * jobs; only a job that has not started can be canceled; an ended job moves only when someone requeues it.
     */
    private static final Map<JobStatus, Set<JobStatus>> RQ_LIFE_CYCLE = Map.of(
            QUEUED, EnumSet.of(STARTED, CANCELED),
            STARTED, EnumSet.of(FINISHED, FAILED, STOPPED, QUEUED, SCHEDULED),
            DEFERRED, EnumSet.of(QUEUED, CANCELED),
            SCHEDULED, EnumSet.of(QUEUED, CANCELED),
            FINISHED, EnumSet.of(QUEUED),
            FAILED, EnumSet.of(QUEUED),
            STOPPED, EnumSet.of(QUEUED),
            CANCELED, EnumSet.of(QUEUED));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(JobStatus.values()).flatMap(from -> Arrays.stream(JobStatus.values())
                .map(to -> Arguments.of(from, to, RQ_LIFE_CYCLE.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void canMoveTo_everyPair_followsRqLifeCycle(JobStatus from, JobStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void isFinal_endedStatuses_areFinalOthersAreNot() {
        assertThat(EnumSet.allOf(JobStatus.class)).filteredOn(JobStatus::isFinal)
                .containsExactlyInAnyOrder(FINISHED, FAILED, STOPPED, CANCELED);
    }

    @Test
    void wireName_everyStatus_isRqName() {
        assertThat(Arrays.stream(JobStatus.values()).map(JobStatus::wireName))
                .containsExactly("queued", "started", "finished", "failed", "deferred", "scheduled", "stopped",
                        "canceled");
    }

    @Test
    void fromWireName_everyRqName_returnsItsStatus() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(JobStatus.fromWireName(status.wireName())).isSameAs(status);
        }
    }

    @Test
    void fromWireName_unknownName_refusedListingTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobStatus.fromWireName("created"))
                .withMessageContaining("'created'")
                .withMessageContaining("[queued, started, finished, failed, deferred, scheduled, stopped, canceled]");
    }

    @Test
    void fromWireName_enumConstantOrNull_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobStatus.fromWireName("QUEUED"));
        assertThatIllegalArgumentException().isThrownBy(() -> JobStatus.fromWireName(null));
    }
}
