package dev.jrq.examples.testjobs;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code tests.flaky(failures)}: fails until its meta says it has failed {@code failures} times (it counts its
 * attempts in its own meta), then returns the attempt number.
 */
@JobName("tests.flaky")
public final class FlakyJob implements JobHandler {
    @Override
    public Object perform(JobContext job) {
        Map<String, Object> meta = new HashMap<>(job.meta());
        int attempt = ((Number) meta.getOrDefault("attempts", 0)).intValue() + 1;
        meta.put("attempts", attempt);
        job.saveMeta(meta);
        if (attempt <= job.arg(0, Integer.class)) {
            throw new IllegalStateException("attempt " + attempt + " fails");
        }
        return attempt;
    }
}
