package corescale.benchmarks.exec;

/**
 * One line per fork in the JMH output with the {@link RuntimeFacts}, and notes such as worker
 * start-up times, for people running JMH directly. The sweep records the facts in run.json and
 * starts forks with {@code -Dcorescale.quiet=true}, since JMH copies fork output to its console.
 */
public final class Banner {

    private static volatile boolean printed;

    private Banner() {
    }

    public static void printFactsOnce() {
        if (!printed && !quiet()) {
            printed = true;
            System.out.println("# corescale runtime facts: " + RuntimeFacts.collect());
        }
    }

    /** A {@code # } line in the JMH output, unless the sweep asked for quiet forks. */
    public static void note(String text) {
        if (!quiet()) {
            System.out.println("# " + text);
        }
    }

    private static boolean quiet() {
        return Boolean.getBoolean("corescale.quiet");
    }
}
