package corescale.stats.export;

/**
 * The JVM the forks of a configuration ran on, as JMH's JSON names it.
 *
 * @param jvm        the java executable itself (not a script that starts it under taskset)
 * @param jdkVersion its {@code java.version}
 * @param vmName     its {@code java.vm.name}
 * @param vmVersion  its {@code java.vm.version}
 */
public record JvmFacts(String jvm, String jdkVersion, String vmName, String vmVersion) {
}
