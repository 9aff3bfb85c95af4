package dev.jrq.core;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * When a recurring schedule fires: on a cron expression in a time zone, or every fixed interval.
 *
 * <pre>{@code
 * // 09:00 Berlin time, DST included
 * ScheduleTrigger weekdays = ScheduleTrigger.cron("0 9 * * MON-FRI", "Europe/Berlin");
 * ScheduleTrigger often = ScheduleTrigger.every(Duration.ofSeconds(30));
 * }</pre>
 */
public sealed interface ScheduleTrigger {

    /**
     * The first run strictly after {@code now}, given the previous tick ({@code null} for a new schedule). Ticks
     * missed while no scheduler ran are not repeated: the next run is always after {@code now}.
     */
    Instant next(Instant previous, Instant now);

    /**
     * A cron trigger. Five fields are Unix cron ({@code minute hour day-of-month month day-of-week}); six put
     * seconds first ({@code second minute hour day-of-month month day-of-week}).
     *
     * @throws IllegalArgumentException for an expression that does not parse or never fires, or an unknown zone,
     *                                  saying what is expected
     */
    static Cron cron(String expression, String zone) {
        return new Cron(expression, zone(zone));
    }

    /**
     * A fixed-interval trigger: the first run one interval after registration, then every interval.
     *
     * @throws IllegalArgumentException for an interval under one second or not in whole seconds
     */
    static Interval every(Duration every) {
        return new Interval(every);
    }

    /**
     * The zone of an IANA name ({@code Europe/Berlin}, {@code UTC}).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + name + "'; expected an IANA zone name such "
                    + "as Europe/Berlin, America/New_York or UTC", e);
        }
    }

    /**
     * Fires on a cron expression, read in a time zone (so {@code 0 9 * * *} stays at 09:00 local time across
     * daylight-saving changes; a local time skipped by a spring-forward change fires at the jump, as Unix cron
     * does; one repeated by a fall-back change fires as cron-utils computes it, once).
     *
     * @param expression five (Unix) or six (seconds first) cron fields
     * @param zone       the zone the fields are read in
     */
    record Cron(String expression, ZoneId zone) implements ScheduleTrigger {
        private static final CronParser UNIX =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        private static final CronParser WITH_SECONDS =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

        public Cron {
            Objects.requireNonNull(zone, "zone");
            expression = expression == null ? "" : expression.trim().replaceAll("\\s+", " ");
            if (executionTime(expression).nextExecution(ZonedDateTime.now(zone)).isEmpty()) {
                throw new IllegalArgumentException("cron expression '" + expression + "' never fires");
            }
        }

        @Override
        public Instant next(Instant previous, Instant now) {
            ZonedDateTime from = now.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
            ExecutionTime times = executionTime(expression);
            Instant next = times.nextExecution(from).map(ZonedDateTime::toInstant).orElse(Instant.MAX);
            Instant skipped = skippedBySpringForward(times, from, next);
            return skipped != null ? skipped : next;
        }

        /**
         * The instant the clock jumps forward, when a tick falls in the local times that jump skips (e.g. 02:30 on
         * the night Europe goes from 02:00 to 03:00): it fires then, as Unix cron does, instead of not that day.
         */
        private Instant skippedBySpringForward(ExecutionTime times, ZonedDateTime from, Instant next) {
            ZoneOffsetTransition jump = zone.getRules().nextTransition(from.toInstant());
            if (jump == null || !jump.isGap() || !jump.getInstant().isBefore(next)) {
                return null;
            }
            // why: in the offset before the jump, the skipped local times exist, so the cron can match them there
            Optional<ZonedDateTime> inOldOffset = times.nextExecution(from.withZoneSameInstant(jump.getOffsetBefore()));
            if (inOldOffset.isEmpty()) {
                return null;
            }
            LocalDateTime local = inOldOffset.get().toLocalDateTime();
            boolean inGap = !local.isBefore(jump.getDateTimeBefore()) && local.isBefore(jump.getDateTimeAfter());
            return inGap ? jump.getInstant() : null;
        }

        private static ExecutionTime executionTime(String expression) {
            return ExecutionTime.forCron(parse(expression));
        }

        private static com.cronutils.model.Cron parse(String expression) {
            int fields = expression.isEmpty() ? 0 : expression.split(" ").length;
            if (fields != 5 && fields != 6) {
                throw new IllegalArgumentException(badCron(expression, "it has " + fields + " fields"));
            }
            try {
                return (fields == 5 ? UNIX : WITH_SECONDS).parse(expression).validate();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(badCron(expression, e.getMessage()), e);
            }
        }

        private static String badCron(String expression, String why) {
            return "bad cron expression '" + expression + "': " + why + "; expected 5 fields (minute hour "
                    + "day-of-month month day-of-week, e.g. '0 9 * * MON-FRI') or 6 with seconds first "
                    + "(e.g. '*/10 * * * * *')";
        }
    }

    /**
     * Fires every {@code every}, keeping its phase: after a pause in scheduling it resumes at the next multiple of
     * the interval after the previous tick.
     *
     * @param every the interval, whole seconds, at least one second
     */
    record Interval(Duration every) implements ScheduleTrigger {
        public Interval {
            Objects.requireNonNull(every, "every");
            if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.getNano() != 0) {
                throw new IllegalArgumentException("interval must be whole seconds and at least 1s; was "
                        + DurationText.format(every));
            }
        }

        @Override
        public Instant next(Instant previous, Instant now) {
            if (previous == null) {
                return now.truncatedTo(ChronoUnit.SECONDS).plus(every);
            }
            if (now.isBefore(previous)) {
                return previous.plus(every);
            }
            long periods = Duration.between(previous, now).toMillis() / every.toMillis() + 1;
            return previous.plus(every.multipliedBy(periods));
        }
    }
}
