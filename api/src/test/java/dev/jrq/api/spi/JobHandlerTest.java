package dev.jrq.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jrq.api.JobContext;
import org.junit.jupiter.api.Test;

class JobHandlerTest {

    @Test
    void nameOf_withJobName_isTheAnnotationValue() {
        assertThat(JobHandler.nameOf(Named.class)).isEqualTo("test_job.i_am_a_job");
    }

    @Test
    void nameOf_withoutJobName_isTheFullyQualifiedClassName() {
        assertThat(JobHandler.nameOf(Unnamed.class)).isEqualTo("dev.jrq.api.spi.JobHandlerTest$Unnamed");
    }

    @Test
    void name_ofAnInstance_isNameOfItsClass() {
        assertThat(new Named().name()).isEqualTo("test_job.i_am_a_job");
        assertThat(new Unnamed().name()).isEqualTo(Unnamed.class.getName());
    }

    @JobName("test_job.i_am_a_job")
    static final class Named implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return null;
        }
    }

    static final class Unnamed implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return null;
        }
    }
}
