package dev.jrq.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.JobOptions;
import dev.jrq.api.JobRequest;
import dev.jrq.api.JobStatus;
import dev.jrq.api.Retry;
import dev.jrq.core.internal.RqKeys;
import dev.jrq.core.testing.MutableClock;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recurring schedules in Redis: registration, ticks fired once, pause/resume/remove, DST on a settable clock. */
@ExtendWith(RedisServerExtension.class)
class ScheduleStoreIT {
    private static final Instant START = Instant.parse("2026-03-27T12:00:00Z");

    private TestRedis redis;
    private MutableClock clock;
    private JrqClient client;
    private ScheduleStore store;

    @BeforeEach
    void connect(TestRedis redis) {
        this.redis = redis;
        this.clock = MutableClock.at(START);
        this.client = redis.newClient(clock);
        this.store = ScheduleStore.of(client);
    }

    @Test
    void save_cronSchedule_listedWithItsNextRunTimes() {
        assertThat(store.save(berlinAtNine())).isEqualTo(ScheduleStore.Saved.CREATED);

        ScheduleInfo info = store.get("morning");
        assertThat(info.paused()).isFalse();
        assertThat(info.nextRuns(3)).containsExactly(Instant.parse("2026-03-28T08:00:00Z"),
                Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(store.list()).extracting(ScheduleInfo::name).containsExactly("morning");
        assertThat(redis.hash(RqKeys.schedule("morning"))).containsEntry("definition",
                "{\"args\":[\"de\"],\"cron\":\"0 9 * * *\",\"job\":\"mail.digest\",\"kwargs\":{},\"name\":\"morning\","
                        + "\"queue\":\"mail\",\"timezone\":\"Europe/Berlin\"}");
    }

    @Test
    void save_sameDefinitionAgainLater_keepsItsNextRun() {
        store.save(berlinAtNine());
        clock.advance(Duration.ofDays(3));

        assertThat(store.save(berlinAtNine())).isEqualTo(ScheduleStore.Saved.UNCHANGED);

        assertThat(store.get("morning").nextRun()).isEqualTo("2026-03-28T08:00:00Z");
    }

    @Test
    void save_badCronOrUnknownZone_refusedWithAClearMessageAndNothingStored() {
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.fromMap(Map.of("name", "bad", "cron",
                "0 25 * * *", "job", "x"))).withMessageStartingWith("schedule bad: bad cron expression '0 25 * * *'");
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.fromMap(Map.of("name", "bad", "cron",
                "0 9 * * *", "timezone", "Berlin", "job", "x")))
                .withMessageStartingWith("schedule bad: unknown time zone 'Berlin'");
        assertThatIllegalArgumentException().isThrownBy(() -> Schedule.fromMap(Map.of("name", "bad", "job", "x")))
                .withMessage("schedule bad: give either 'cron' (with an optional 'timezone') or 'every'");

        assertThat(store.list()).isEmpty();
    }

    @Test
    void fire_dueTick_enqueuesOneJobAndAdvancesTheSchedule() {
        store.save(berlinAtNine());
        clock.set(Instant.parse("2026-03-28T08:00:00.120Z"));

        FiredTick tick = store.fire(store.due(10).get(0)).orElseThrow();

        assertThat(tick.jobId()).isEqualTo("morning-1774684800");
        assertThat(tick.lateness()).isEqualTo(Duration.ofMillis(120));
        JobRecord job = client.fetchJob(tick.jobId());
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.jobName()).isEqualTo("mail.digest");
        assertThat(job.payload().args()).containsExactly("de");
        assertThat(client.queue("mail").jobIds(0, 10)).containsExactly(tick.jobId());
        ScheduleInfo after = store.get("morning");
        assertThat(after.nextRun()).isEqualTo("2026-03-29T07:00:00Z");
        assertThat(after.runs()).isEqualTo(1);
        assertThat(after.lastJobId()).isEqualTo(tick.jobId());
        assertThat(store.due(10)).isEmpty();
    }

    @Test
    void fire_scheduleWithEveryOption_firedJobHashIsWhatAnEnqueueWrites() {
        JobRequest job = JobRequest.of("mail.digest", "de").withOptions(JobOptions.builder().description("digest")
                .timeout(Duration.ofMinutes(5)).resultTtl(JobOptions.FOREVER).ttl(Duration.ofMinutes(30))
                .failureTtl(Duration.ofDays(1)).meta(Map.of("owner", "ops")).atFront(true)
                .retry(Retry.exponential(3, Duration.ofSeconds(2), Duration.ofMinutes(1))).build());
        store.save(Schedule.of("often", "mail", ScheduleTrigger.every(Duration.ofSeconds(10)), job));
        assertThat(store.get("often").schedule().job()).isEqualTo(job);
        client.queue("mail").enqueue("rqjobs.noop");
        clock.advance(Duration.ofSeconds(10));

        FiredTick tick = store.fire(store.due(1).get(0)).orElseThrow();
        Job enqueued = client.queue("mail").enqueue(job.withOptions(job.options().toBuilder().atFront(false).build()));

        Map<String, String> fired = redis.hash(RqKeys.job(tick.jobId()));
        assertThat(fired).containsEntry("retries_left", "3").containsEntry("retry_intervals", "[2, 4, 8]")
                .containsEntry("jrq_retry_jitter", "0.25").containsEntry("timeout", "300")
                .containsEntry("result_ttl", "-1").containsEntry("failure_ttl", "86400").containsEntry("ttl", "1800")
                .containsEntry("description", "digest");
        assertThat(fired).isEqualTo(redis.hash(RqKeys.job(enqueued.id())));
        assertThat(redis.hashBytes(RqKeys.job(tick.jobId()), "data"))
                .isEqualTo(redis.hashBytes(RqKeys.job(enqueued.id()), "data"));
        assertThat(client.fetchJob(tick.jobId()).meta()).containsEntry("owner", "ops");
        assertThat(redis.ttlSeconds(RqKeys.job(tick.jobId()))).isEqualTo(1800);
        assertThat(client.queue("mail").jobIds(0, 10)).startsWith(tick.jobId()).hasSize(3);
    }

    @Test
    void fire_threeSchedulersRacingOverAWeekAcrossTheDstChange_eachTickEnqueuedExactlyOnce() throws Exception {
        store.save(berlinAtNine());
        List<ScheduleStore> racers = List.of(store, ScheduleStore.of(redis.newClient(clock)),
                ScheduleStore.of(redis.newClient(clock)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> fired = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            for (int hour = 0; hour < 24 * 7; hour++) {
                clock.advance(Duration.ofHours(1));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> rounds = new ArrayList<>();
                for (ScheduleStore racer : racers) {
                    rounds.add(pool.submit(() -> {
                        go.await();
                        racer.due(10).forEach(info -> racer.fire(info).ifPresent(t -> fired.add(t + " at " + clock.instant() + " by " + racers.indexOf(racer))));
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> round : rounds) {
                    round.get();
                }
            }
        } finally {
            pool.shutdown();
        }

        List<String> queued = client.queue("mail").jobIds(0, 100);
        assertThat(queued).as(fired.toString()).doesNotHaveDuplicates().containsExactly(
                "morning-" + Instant.parse("2026-03-28T08:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-03-29T07:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-03-30T07:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-03-31T07:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-04-01T07:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-04-02T07:00:00Z").getEpochSecond(),
                "morning-" + Instant.parse("2026-04-03T07:00:00Z").getEpochSecond());
        assertThat(store.get("morning").runs()).isEqualTo(7);
    }

    @Test
    void fire_tickAlreadyFiredByAnother_returnsEmptyAndEnqueuesNothing() {
        store.save(Schedule.of("often", "default", ScheduleTrigger.every(Duration.ofSeconds(10)),
                JobRequest.of("rqjobs.noop")));
        clock.advance(Duration.ofSeconds(11));
        ScheduleInfo seenByBoth = store.due(1).get(0);

        assertThat(store.fire(seenByBoth)).isPresent();
        assertThat(ScheduleStore.of(redis.newClient(clock)).fire(seenByBoth)).isEmpty();
        assertThat(client.queue("default").count()).isEqualTo(1);
    }

    @Test
    void fire_scheduleReadJustAfterAnotherFiredIt_futureTickNotFiredEarly() {
        store.save(Schedule.of("often", "default", ScheduleTrigger.every(Duration.ofSeconds(10)),
                JobRequest.of("rqjobs.noop")));
        clock.advance(Duration.ofSeconds(11));
        store.fire(store.due(1).get(0)).orElseThrow();
        ScheduleInfo readAfter = store.get("often");

        assertThat(ScheduleStore.of(redis.newClient(clock)).fire(readAfter)).isEmpty();
        assertThat(client.queue("default").count()).isEqualTo(1);
        assertThat(store.get("often").nextRun()).isEqualTo(START.plusSeconds(20));
    }

    @Test
    void fire_schedulersDownForHours_firesOnceLateThenResumesOnTheCron() {
        store.save(berlinAtNine());
        clock.set(Instant.parse("2026-03-30T15:00:00Z")); // missed the 28th, 29th and 30th

        FiredTick late = store.fire(store.due(10).get(0)).orElseThrow();

        assertThat(late.tick()).isEqualTo("2026-03-28T08:00:00Z");
        assertThat(late.lateness()).isEqualTo(Duration.ofHours(55));
        assertThat(store.due(10)).isEmpty();
        assertThat(store.get("morning").nextRun()).isEqualTo("2026-03-31T07:00:00Z");
        assertThat(client.queue("mail").count()).isEqualTo(1);
    }

    @Test
    void pauseAndResume_ticksWhilePausedSkipped_resumesFromNow() {
        store.save(berlinAtNine());

        assertThat(store.pause("morning")).isTrue();
        clock.set(Instant.parse("2026-03-29T12:00:00Z"));
        assertThat(store.due(10)).isEmpty();
        assertThat(store.get("morning").nextRuns(3)).isEmpty();
        assertThat(store.resume("morning")).isTrue();

        assertThat(store.get("morning").nextRun()).isEqualTo("2026-03-30T07:00:00Z");
        assertThat(store.resume("morning")).isFalse();
        assertThat(client.queue("mail").count()).isZero();
    }

    @Test
    void remove_schedule_goneAndNeverFires() {
        store.save(berlinAtNine());

        assertThat(store.remove("morning")).isTrue();
        assertThat(store.remove("morning")).isFalse();

        clock.advance(Duration.ofDays(2));
        assertThat(store.due(10)).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.find("morning")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> store.pause("morning")).isInstanceOf(NoSuchScheduleException.class)
                .hasMessage("no schedule named 'morning'");
    }

    private static Schedule berlinAtNine() {
        return Schedule.of("morning", "mail", ScheduleTrigger.cron("0 9 * * *", "Europe/Berlin"),
                JobRequest.of("mail.digest", "de"));
    }
}
