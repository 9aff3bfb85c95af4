package dev.jrq.api.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a {@link JobHandler} answers to, the string stored in the job's payload. Use RQ's dotted
 * {@code module.function} style to share a name with Python code.
 *
 * <pre>{@code
 * @JobName("test_job.i_am_a_job")
 * public final class IAmAJob implements JobHandler { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JobName {
    String value();
}
