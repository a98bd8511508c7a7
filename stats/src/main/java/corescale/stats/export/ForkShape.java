package corescale.stats.export;

/**
 * How the forks of a benchmark were run, in JMH's words; results.csv does not hold these.
 *
 * @param warmupIterations warm-up iterations of each fork
 * @param warmupTime       each warm-up iteration's time, as JMH writes it ({@code 200 ms})
 * @param measurementTime  each measured iteration's time, likewise
 */
public record ForkShape(int warmupIterations, String warmupTime, String measurementTime) {
}
