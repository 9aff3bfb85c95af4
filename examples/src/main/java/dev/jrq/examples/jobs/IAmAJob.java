package dev.jrq.examples.jobs;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;

/** The seed's test job, {@code test_job.i_am_a_job(arg1)}: returns its argument. */
@JobName("test_job.i_am_a_job")
public final class IAmAJob implements JobHandler {
    @Override
    public Object perform(JobContext job) {
        return job.arg(0, Object.class);
    }
}
