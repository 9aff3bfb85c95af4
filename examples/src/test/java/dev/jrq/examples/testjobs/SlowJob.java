package dev.jrq.examples.testjobs;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;

/** {@code tests.slow(ms)}: sleeps, giving up when interrupted. */
@JobName("tests.slow")
public final class SlowJob implements JobHandler {
    @Override
    public Object perform(JobContext job) throws InterruptedException {
        Thread.sleep(job.arg(0, Long.class));
        return "slept";
    }
}
