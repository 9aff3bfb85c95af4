package dev.jrq.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobOptions;
import dev.jrq.api.Retry;
import dev.jrq.core.JrqClient;
import dev.jrq.core.ScheduleInfo;
import dev.jrq.core.ScheduleStore;
import dev.jrq.core.testing.RedisServerExtension;
import dev.jrq.core.testing.TestRedis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler jar's schedule subcommands, run in-process as the jar runs them. */
@ExtendWith(RedisServerExtension.class)
class SchedulerMainIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void add_cronWithZoneAndArguments_registeredAndListedWithNextRuns(TestRedis redis) {
        int code = run("add", "digest", "--url", redis.url(), "--cron", "0 8 * * MON-FRI", "--timezone",
                "Europe/Paris", "--job", "mail.digest", "--queue", "mail", "--arg", "7", "--arg", "fr",
                "--kwarg", "to={\"team\":\"ops\"}", "--timeout", "5m");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("schedule digest created; next run ");
        ScheduleInfo info = ScheduleStore.of(redis.newClient()).get("digest");
        assertThat(info.schedule().job().args()).containsExactly(7, "fr");
        assertThat(info.schedule().job().kwargs()).containsEntry("to", java.util.Map.of("team", "ops"));
        assertThat(info.schedule().job().options().timeout()).hasMinutes(5);
        out.getBuffer().setLength(0);

        assertThat(run("list", "--url", redis.url())).isZero();
        assertThat(out.toString()).startsWith("digest  mail  cron '0 8 * * MON-FRI' Europe/Paris  mail.digest  "
                + "active  next: ").contains("runs: 0  last job: -");
        assertThat(out.toString().split("next: ")[1].split("  ")[0].split(", ")).hasSize(3);
    }

    @Test
    void add_everyJobOption_firedJobsCarryThemAsAnEnqueueWrites(TestRedis redis) {
        int code = run("add", "hb", "--url", redis.url(), "--every", "30s", "--job", "counter.visit",
                "--timeout", "-1", "--description", "beat", "--result-ttl", "1h", "--ttl", "10m", "--failure-ttl",
                "1d", "--meta", "owner=ops", "--at-front", "--retry", "3", "--retry-intervals", "10s,1m",
                "--retry-jitter", "0.2");

        assertThat(code).as(err.toString()).isZero();
        JobOptions options = ScheduleStore.of(redis.newClient()).get("hb").schedule().job().options();
        assertThat(options).isEqualTo(JobOptions.builder().timeout(JobOptions.FOREVER).description("beat")
                .resultTtl(Duration.ofHours(1)).ttl(Duration.ofMinutes(10)).failureTtl(Duration.ofDays(1))
                .meta(Map.of("owner", "ops")).atFront(true)
                .retry(Retry.max(3).withIntervals(Duration.ofSeconds(10), Duration.ofMinutes(1)).withJitter(0.2))
                .build());
    }

    @Test
    void add_retryIntervalsWithoutRetry_exitsOneSayingWhatIsMissing(TestRedis redis) {
        int code = run("--url", redis.url(), "add", "hb", "--every", "30s", "--job", "x", "--retry-intervals", "5s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("jrq-scheduler: --retry-intervals and --retry-jitter need "
                + "--retry N");
        assertThat(ScheduleStore.of(redis.newClient()).list()).isEmpty();
    }

    @Test
    void add_badCron_exitsOneWithTheReasonAndStoresNothing(TestRedis redis) {
        int code = run("--url", redis.url(), "add", "bad", "--cron", "0 9 * *", "--job", "x");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("jrq-scheduler: schedule bad: bad cron expression '0 9 * *': it has "
                + "4 fields; expected 5 fields");
        assertThat(ScheduleStore.of(redis.newClient()).list()).isEmpty();
    }

    @Test
    void add_unknownTimeZone_exitsOneNamingIt(TestRedis redis) {
        int code = run("--url", redis.url(), "add", "bad", "--cron", "0 9 * * *", "--timezone", "Paris",
                "--job", "x");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("jrq-scheduler: schedule bad: unknown time zone 'Paris'; "
                + "expected an IANA zone name such as Europe/Berlin, America/New_York or UTC");
    }

    @Test
    void pauseResumeRemove_existingSchedule_eachSaysWhatItDid(TestRedis redis) {
        run("--url", redis.url(), "add", "hb", "--every", "30s", "--job", "counter.visit");
        JrqClient client = redis.newClient();

        assertThat(run("--url", redis.url(), "pause", "hb")).isZero();
        assertThat(ScheduleStore.of(client).get("hb").paused()).isTrue();
        assertThat(run("--url", redis.url(), "resume", "hb")).isZero();
        assertThat(ScheduleStore.of(client).get("hb").paused()).isFalse();
        assertThat(run("--url", redis.url(), "remove", "hb")).isZero();
        assertThat(run("--url", redis.url(), "remove", "hb")).isEqualTo(1);

        assertThat(out.toString()).contains("schedule hb paused", "schedule hb resumed; next run ",
                "schedule hb removed");
        assertThat(err.toString().strip()).isEqualTo("jrq-scheduler: no schedule named 'hb'");
    }

    @Test
    void load_yamlFile_registersEveryScheduleAndAgainChangesNothing(TestRedis redis, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("schedules.yaml");
        Files.writeString(file, """
                schedules:
                  - name: nightly-report
                    queue: reports
                    cron: "0 2 * * *"
                    timezone: Europe/Berlin
                    job: reports.nightly
                    args: [pdf]
                    options: {timeout: 10m, meta: {owner: ops}, retry: {max: 3, intervals: [10s, 1m]}}
                  - name: heartbeat
                    every: 30s
                    job: counter.visit
                """);

        assertThat(run("--url", redis.url(), "load", file.toString())).as(err.toString()).isZero();
        assertThat(run("--url", redis.url(), "load", file.toString())).isZero();

        assertThat(out.toString().lines().map(line -> line.split(";")[0])).containsExactly(
                "schedule nightly-report created", "schedule heartbeat created",
                "schedule nightly-report unchanged", "schedule heartbeat unchanged");
        List<ScheduleInfo> all = ScheduleStore.of(redis.newClient()).list();
        assertThat(all).extracting(ScheduleInfo::name).containsExactly("heartbeat", "nightly-report");
        assertThat(all.get(1).schedule().job().options().meta()).containsEntry("owner", "ops");
        assertThat(all.get(1).schedule().job().options().retry())
                .isEqualTo(Retry.max(3).withIntervals(Duration.ofSeconds(10), Duration.ofMinutes(1)));
    }

    @Test
    void load_fileWithOneBadEntry_exitsOneNamingFileAndEntryAndStoresNone(TestRedis redis, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("schedules.json");
        Files.writeString(file, """
                {"schedules": [
                  {"name": "good", "every": "1m", "job": "counter.visit"},
                  {"name": "typo", "every": "1m", "job": "counter.visit", "queeu": "x"}
                ]}
                """);

        assertThat(run("--url", redis.url(), "load", file.toString())).isEqualTo(1);

        assertThat(err.toString().strip()).isEqualTo("jrq-scheduler: " + file + ": schedule typo: unknown key(s) "
                + "[queeu]; expected [args, cron, every, job, kwargs, name, options, queue, timezone]");
        assertThat(ScheduleStore.of(redis.newClient()).list()).isEmpty();
    }

    private int run(String... args) {
        return SchedulerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
