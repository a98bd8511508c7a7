package corescale.benchmarks.exec;

/** One line per fork in the JMH output with the {@link RuntimeFacts}, for people running JMH directly. */
public final class Banner {

    private static volatile boolean printed;

    private Banner() {
    }

    public static void printFactsOnce() {
        if (!printed) {
            printed = true;
            System.out.println("# corescale runtime facts: " + RuntimeFacts.collect());
        }
    }
}
