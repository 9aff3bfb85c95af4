package dev.jrq.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a job is kept and run, with RQ's meanings. Every setting is optional: {@code null} means "the queue's or
 * worker's default" (timeout 180 s, result kept 500 s, failure kept one year, no TTL while queued).
 *
 * <pre>{@code
 * JobOptions options = JobOptions.builder()
 *         .jobId("welcome-42")
 *         .timeout(Duration.ofMinutes(5))
 *         .resultTtl(JobOptions.FOREVER)
 *         .meta(Map.of("owner", "signup"))
 *         .retry(Retry.max(3).withIntervals(Duration.ofSeconds(10)))
 *         .build();
 * }</pre>
 *
 * @param jobId       the job's id; {@code null} gives a random UUID. Letters, digits, {@code _} and {@code -} only
 * @param description free text shown by tools; {@code null} gives RQ's call string, e.g. {@code add(2, 3)}
 * @param timeout     longest run before the job is failed; {@link #FOREVER} for none
 * @param resultTtl   how long a result is kept; {@link #FOREVER} keeps it, zero deletes the job on success
 * @param ttl         longest time the job may wait in its queue before it is dropped
 * @param failureTtl  how long a failed job is kept
 * @param meta        user data saved with the job
 * @param atFront     whether to put the job at the head of its queue instead of the tail
 * @param retry       how a failed job is tried again; {@code null} for never
 * @param unique      refuse the enqueue when a job with this {@code jobId} exists (RQ 2.8's {@code unique=True})
 * @param dependsOn   the jobs this one waits for; {@code null} for none
 * @param callbacks   handlers run when the job ends; {@code null} for none
 */
public record JobOptions(String jobId, String description, Duration timeout, Duration resultTtl, Duration ttl,
                         Duration failureTtl, Map<String, Object> meta, boolean atFront, Retry retry, boolean unique,
                         Dependency dependsOn, Callbacks callbacks) {

    /** RQ's {@code -1}: no timeout, or keep forever. */
    public static final Duration FOREVER = Duration.ofSeconds(-1);

    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final JobOptions DEFAULTS = builder().build();

    public JobOptions {
        if (jobId != null && !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id '" + jobId
                    + "' is not valid: use 1 to 128 letters, digits, '_' or '-' (RQ's rule)");
        }
        checkSeconds("timeout", timeout, false);
        checkSeconds("resultTtl", resultTtl, true);
        checkSeconds("ttl", ttl, false);
        checkSeconds("failureTtl", failureTtl, false);
        meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        if (unique && jobId == null) {
            throw new IllegalArgumentException("a unique job needs a job id: uniqueness is by id, as in RQ");
        }
    }

    /** No option set: every default applies. */
    public static JobOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().jobId(jobId).description(description).timeout(timeout).resultTtl(resultTtl)
                .ttl(ttl).failureTtl(failureTtl).meta(meta).atFront(atFront).retry(retry).unique(unique)
                .dependsOn(dependsOn).callbacks(callbacks);
    }

    private static void checkSeconds(String name, Duration value, boolean zeroAllowed) {
        if (value == null || value.equals(FOREVER)) {
            return;
        }
        if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
            throw new IllegalArgumentException(name + " must be positive" + (zeroAllowed ? " or zero" : "")
                    + ", or JobOptions.FOREVER; was " + value);
        }
        if (value.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be whole seconds (RQ stores seconds); was " + value);
        }
    }

    /** Builds {@link JobOptions}; every setting starts unset. */
    public static final class Builder {
        private String jobId;
        private String description;
        private Duration timeout;
        private Duration resultTtl;
        private Duration ttl;
        private Duration failureTtl;
        private Map<String, Object> meta = Map.of();
        private boolean atFront;
        private Retry retry;
        private boolean unique;
        private Dependency dependsOn;
        private Callbacks callbacks;

        private Builder() {
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder resultTtl(Duration resultTtl) {
            this.resultTtl = resultTtl;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        public Builder failureTtl(Duration failureTtl) {
            this.failureTtl = failureTtl;
            return this;
        }

        public Builder meta(Map<String, Object> meta) {
            this.meta = Objects.requireNonNull(meta, "meta");
            return this;
        }

        public Builder atFront(boolean atFront) {
            this.atFront = atFront;
            return this;
        }

        public Builder retry(Retry retry) {
            this.retry = retry;
            return this;
        }

        public Builder unique(boolean unique) {
            this.unique = unique;
            return this;
        }

        public Builder dependsOn(Dependency dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        public Builder callbacks(Callbacks callbacks) {
            this.callbacks = callbacks;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(jobId, description, timeout, resultTtl, ttl, failureTtl, meta, atFront, retry,
                    unique, dependsOn, callbacks);
        }
    }
}
