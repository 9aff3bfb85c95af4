package dev.jrq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jrq.api.spi.JobHandler;
import dev.jrq.api.spi.JobName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRequestTest {

    @Test
    void constructor_nullArgsKwargsOptions_becomeEmptyAndDefaults() {
        JobRequest request = new JobRequest("rqjobs.add", null, null, null);
        assertThat(request.args()).isEmpty();
        assertThat(request.kwargs()).isEmpty();
        assertThat(request.options()).isEqualTo(JobOptions.defaults());
    }

    @Test
    void of_nullArgument_keptAsJsonNull() {
        JobRequest request = JobRequest.of("rqjobs.echo", 1, null, "two");
        assertThat(request.args()).containsExactly(1, null, "two");
    }

    @Test
    void kwargs_nullValue_kept() {
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("missing", null);
        assertThat(JobRequest.of("rqjobs.echo").withKwargs(kwargs).kwargs()).containsEntry("missing", null);
    }

    @Test
    void argsAndKwargs_changedAfterwards_requestKeepsItsCopy() {
        List<Object> args = new ArrayList<>(List.of(1, 2));
        Map<String, Object> kwargs = new HashMap<>(Map.of("k", "v"));
        JobRequest request = new JobRequest("rqjobs.add", args, kwargs, null);
        args.add(3);
        kwargs.put("k2", "v2");
        assertThat(request.args()).containsExactly(1, 2);
        assertThat(request.kwargs()).containsOnlyKeys("k");
        assertThatThrownBy(() -> request.args().add(4)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.kwargs().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void jobName_nullOrBlank_refused() {
        assertThatNullPointerException().isThrownBy(() -> JobRequest.of((String) null));
        assertThatIllegalArgumentException().isThrownBy(() -> JobRequest.of(" "))
                .withMessageContaining("job name must not be blank");
    }

    @Test
    void withMethods_changeOnePart_keepTheOthers() {
        JobOptions options = JobOptions.builder().timeout(Duration.ofSeconds(30)).build();
        JobRequest request = JobRequest.of("rqjobs.add", 2, 3).withKwargs(Map.of("k", 1)).withOptions(options);
        JobRequest changed = request.withArgs(Arrays.asList(5, null));
        assertThat(changed.jobName()).isEqualTo("rqjobs.add");
        assertThat(changed.args()).containsExactly(5, null);
        assertThat(changed.kwargs()).isEqualTo(Map.of("k", 1));
        assertThat(changed.options()).isEqualTo(options);
        assertThat(request.args()).containsExactly(2, 3);
    }

    @Test
    void of_handlerClass_usesItsJobName() {
        assertThat(JobRequest.of(Add.class, 2, 3)).isEqualTo(JobRequest.of("rqjobs.add", 2, 3));
    }

    @JobName("rqjobs.add")
    static final class Add implements JobHandler {
        @Override
        public Object perform(JobContext job) {
            return null;
        }
    }
}
