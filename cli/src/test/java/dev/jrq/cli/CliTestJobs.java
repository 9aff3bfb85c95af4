package dev.jrq.cli;

import dev.jrq.api.JobContext;
import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import java.util.Map;

/** Handlers the cli tests run with {@code jrq worker}; listed in META-INF/services. */
final class CliTestJobs {
    private CliTestJobs() {
    }

    @JobName("cli.echo")
    public static final class Echo implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return Map.of("args", job.args(), "kwargs", job.kwargs());
        }
    }

    @JobName("cli.fail")
    public static final class Fail implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            throw new IllegalStateException("cli.fail was asked to fail");
        }
    }
}
