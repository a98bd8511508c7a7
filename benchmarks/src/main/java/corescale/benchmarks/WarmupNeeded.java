package corescale.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a fork of this benchmark runs before its iterations are steady: the sweep warms every fork
 * up for at least this long (in whole warm-up iterations of its profile), so that no measured
 * iteration is still JIT compilation. Measured where warm-up is slowest, at one core, where the
 * compiler threads share the core with the benchmark; each class's comment gives its measurement
 * (docs/design.md, "Fork").
 *
 * <p>Not JMH's {@code @Warmup}: that would also replace JMH's own defaults when the jar is run with
 * plain JMH.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WarmupNeeded {

    /** Milliseconds of warm-up a fork needs. */
    long millis();
}
